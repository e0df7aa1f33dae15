//! Helpers the ECB+ examples (and `benches/incremental.rs`) share: where
//! the articles and labels are, the B-cubed score of a grouping, a fixed
//! hash for reproducible orders, and the replicated corpus of the benches.
#![allow(dead_code)] // each example uses some of these

/// The articles folder and the labels file: the first two arguments, else
/// ECB+ in ../shared/bench.
pub fn ecb_paths(args: &[String]) -> (&str, &str) {
    let dir = args
        .get(1)
        .map_or("../shared/bench/ecbplus/articles", String::as_str);
    let labels = args
        .get(2)
        .map_or("../shared/bench/ecbplus/labels.json", String::as_str);
    (dir, labels)
}

/// B-cubed precision, recall and F1 of a grouping, given the gold label of
/// every member of every group (the groups partition the articles scored).
pub fn bcubed(groups: &[Vec<String>]) -> (f64, f64, f64) {
    use std::collections::BTreeMap;
    let mut gold_size: BTreeMap<&str, usize> = BTreeMap::new();
    let mut n = 0.0;
    for label in groups.iter().flatten() {
        *gold_size.entry(label).or_default() += 1;
        n += 1.0;
    }
    let (mut p, mut r) = (0.0, 0.0);
    for g in groups {
        let mut inside: BTreeMap<&str, usize> = BTreeMap::new();
        for label in g {
            *inside.entry(label).or_default() += 1;
        }
        for label in g {
            let same = inside[label.as_str()] as f64;
            p += same / g.len() as f64;
            r += same / gold_size[label.as_str()] as f64;
        }
    }
    let (p, r) = (p / n, r / n);
    (p, r, 2.0 * p * r / (p + r).max(1e-9))
}

/// A fixed hash (FNV-1a, its basis xor `seed`) for choosing and ordering
/// articles reproducibly.
pub fn fnv(s: &str, seed: u64) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325 ^ seed, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Writes every article of `names` `copies` times into `out` as
/// `r<copy>_<name>`, each replica with its names and figures changed
/// (`parallax::synthetic::perturb`): the large corpus the speed benches
/// time. Returns how many articles it wrote.
pub fn write_replicas(names: &[std::path::PathBuf], copies: usize, out: &std::path::Path) -> usize {
    std::fs::create_dir_all(out).expect("replica folder");
    for r in 0..copies {
        for path in names {
            let text = std::fs::read_to_string(path).expect("an ECB+ article");
            let name = path.file_name().unwrap().to_string_lossy();
            let text = parallax::synthetic::perturb(&text, r);
            std::fs::write(out.join(format!("r{r}_{name}")), text).expect("a replica");
        }
    }
    names.len() * copies
}

/// The labelled pairs of one MSR Paraphrase Corpus file
/// (`msr_paraphrase_train.txt` or `_test.txt`): is it a paraphrase, and the
/// two sentences.
pub fn msrp_pairs(path: &str) -> Vec<(bool, String, String)> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.lines()
        .skip(1)
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            (f.len() == 5).then(|| {
                (
                    f[0].trim_start_matches('\u{feff}') == "1",
                    f[3].to_string(),
                    f[4].to_string(),
                )
            })
        })
        .collect()
}
