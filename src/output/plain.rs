//! `email.txt`: the digest as plain text for newsletters, wrapped at 72
//! columns, with absolute links (relative when no base URL is set).

use crate::digest::{Digest, DivergenceKind, independent_reports};

/// Column the text is wrapped at.
const WIDTH: usize = 72;

/// The plain-text digest of one story; `page` is the story page's URL.
pub fn email_txt(d: &Digest, page: &str) -> String {
    let labels: std::collections::BTreeMap<&String, &String> =
        d.sources.iter().map(|s| (&s.id, &s.label)).collect();
    let names = |ids: &[String]| -> String {
        ids.iter()
            .map(|i| labels.get(i).copied().unwrap_or(i).clone())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut out = Vec::new();
    out.push(wrap(&d.headline, "", ""));
    out.push("=".repeat(d.headline.chars().count().clamp(3, WIDTH)));
    out.push(String::new());
    if !d.summary.is_empty() {
        out.push(wrap(&d.summary, "", ""));
        out.push(String::new());
    }
    let ids: Vec<String> = d.sources.iter().map(|s| s.id.clone()).collect();
    let reports = independent_reports(&d.sources, &ids);
    let independent = if reports < d.source_count {
        format!(", {reports} independent reports")
    } else {
        String::new()
    };
    out.push(wrap(
        &format!(
            "Compared across {} sources{independent}. The full digest:",
            d.source_count
        ),
        "",
        "",
    ));
    out.push(page.to_string());
    heading(&mut out, "WHAT THE SOURCES AGREE ON");
    let of = d.source_count.max(d.sources.len());
    for (i, f) in d.consensus.iter().enumerate() {
        out.push(wrap(&f.text, &format!("{:>2}. ", i + 1), "    "));
        let reports = independent_reports(&d.sources, &f.sources);
        let independent = if reports < f.support {
            format!(", {reports} independent")
        } else {
            String::new()
        };
        let who = format!(
            "({} of {of}{independent}: {})",
            f.support,
            names(&f.sources)
        );
        out.push(wrap(&who, "    ", "    "));
    }
    divergences(&mut out, d, &names);
    heading(&mut out, "KEY QUOTES");
    for q in &d.quotes {
        out.push(wrap(&format!("“{}”", q.text), "  ", "  "));
        let who = format!(
            "— {} ({})",
            q.speaker.as_deref().unwrap_or("unattributed"),
            names(&q.sources)
        );
        out.push(wrap(&who, "    ", "    "));
    }
    heading(&mut out, "SOURCES");
    for s in &d.sources {
        let label = &s.label;
        let title = s.title.as_deref().unwrap_or(&s.path);
        let copy = match s.copy_of.as_deref() {
            Some(id) => format!(" (copy of {})", names(&[id.to_string()])),
            None => String::new(),
        };
        out.push(wrap(&format!("{label}: {title}{copy}"), "  * ", "    "));
        if let Some(url) = s.url.as_deref() {
            out.push(format!("    {}", url.trim()));
        }
    }
    out.push(String::new());
    out.push("Compiled by Parallax. Every sentence is quoted verbatim from a source.".into());
    let mut text = out.join("\n");
    text.push('\n');
    text
}

fn divergences(out: &mut Vec<String>, d: &Digest, names: &dyn Fn(&[String]) -> String) {
    let of_kind = |k| d.divergent.iter().filter(move |v| v.kind == k);
    heading(out, "WHERE THEY DIFFER");
    for v in of_kind(DivergenceKind::Conflict) {
        out.push(wrap(&v.topic, "  * ", "    "));
        for c in &v.claims {
            let value = c
                .value
                .as_deref()
                .map(|v| format!("{v}: "))
                .unwrap_or_default();
            let line = format!("{value}{} ({})", c.text, names(&c.sources));
            out.push(wrap(&line, "    - ", "      "));
        }
    }
    heading(out, "REPORTED BY ONE SOURCE ONLY");
    for v in of_kind(DivergenceKind::Unique) {
        for c in &v.claims {
            out.push(wrap(
                &format!("{} ({})", c.text, names(&c.sources)),
                "  * ",
                "    ",
            ));
        }
    }
    let wording = of_kind(DivergenceKind::Wording).count();
    if wording > 0 {
        out.push(String::new());
        out.push(format!(
            "Plus {wording} difference{} in wording: see the story online.",
            if wording == 1 { "" } else { "s" }
        ));
    }
}

fn heading(out: &mut Vec<String>, title: &str) {
    out.push(String::new());
    out.push(title.to_string());
    out.push(String::new());
}

/// Wraps `text` (whitespace collapsed) at [`WIDTH`] columns.
fn wrap(text: &str, first: &str, rest: &str) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    // Fast path (issue 15): a collapsed line that fits after the first
    // indent comes out of textwrap as the indent plus the line (one line
    // costs one line penalty, any break at least two), so the line break
    // search and optimal fit are skipped. Display width is textwrap's own;
    // empty text and escape sequences (which textwrap strips before
    // measuring) take the full path, and so does a text of more than 4
    // bytes a column (no character is wider than its bytes), unmeasured.
    if !text.is_empty()
        && text.len() <= 4 * WIDTH
        && !text.contains('\x1b')
        && textwrap::core::display_width(first) + textwrap::core::display_width(&text) <= WIDTH
    {
        return format!("{first}{text}");
    }
    let options = textwrap::Options::new(WIDTH)
        .initial_indent(first)
        .subsequent_indent(rest)
        .break_words(false);
    textwrap::wrap(&text, options).join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The reference: textwrap on the collapsed text, no fast path.
    fn slow(text: &str, first: &str, rest: &str) -> String {
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let options = textwrap::Options::new(WIDTH)
            .initial_indent(first)
            .subsequent_indent(rest)
            .break_words(false);
        textwrap::wrap(&text, options).join("\n")
    }

    #[test]
    fn fast_path_gives_textwraps_bytes() {
        let at_width = "a".repeat(WIDTH);
        let over_width = "b".repeat(WIDTH + 1);
        let at_indent = format!("{} {}", "c".repeat(40), "d".repeat(WIDTH - 45));
        let over_indent = format!("{} {}", "c".repeat(40), "d".repeat(WIDTH - 44));
        let wide = "漢字".repeat(18); // 72 columns, 216 bytes
        let wider = "漢字".repeat(19);
        let lines = [
            "",
            " ",
            "Short line.",
            "  leading and trailing spaces   ",
            "tabs\tand\nnewlines\r\n inside",
            at_width.as_str(),
            over_width.as_str(),
            at_indent.as_str(),
            over_indent.as_str(),
            wide.as_str(),
            wider.as_str(),
            "Café au lait — «naïve» résumé, “quoted” and ‘single’ – dashes…",
            "well-known hyphen-ated self-evident co-operation between state-owned firms",
            "a b",
            "x",
            "(3 of 5, 2 independent: Reuters, AP, BBC News, The Guardian)",
            "— Barack Obama (Reuters, AP)",
            "colour\u{1b}[31mred\u{1b}[0m text",
            "zero\u{200b}width\u{301} marks and emoji 👍🏽 and ﬁ ligature",
            "http://example.com/a/very/long/url/that/keeps/going/and/going/past/the/width/of/the/page",
        ];
        let indents = [
            ("", ""),
            (" 1. ", "    "),
            ("10. ", "    "),
            ("  ", "  "),
            ("    ", "    "),
            ("  * ", "    "),
            ("    - ", "      "),
            ("→ ", "  "),
        ];
        for line in lines {
            for (first, rest) in indents {
                assert_eq!(
                    wrap(line, first, rest),
                    slow(line, first, rest),
                    "{line:?} {first:?}"
                );
            }
        }
        // Every length around the width, with words of varied lengths.
        let words = [
            "a",
            "to",
            "the",
            "court",
            "re-elected",
            "Théâtre",
            "said,",
            "«oui»",
            "漢字",
        ];
        for n in 0..400 {
            let mut line = String::new();
            let mut k = n;
            while line.chars().count() < 20 + n % 70 {
                line.push_str(words[k % words.len()]);
                line.push(' ');
                k = k.wrapping_mul(7).wrapping_add(3);
            }
            for (first, rest) in indents {
                assert_eq!(
                    wrap(&line, first, rest),
                    slow(&line, first, rest),
                    "{line:?} {first:?}"
                );
            }
        }
    }

    #[test]
    fn wrapping_keeps_lines_short_and_indents() {
        let text = "The harbour committee met on a grey morning and argued for hours about the colour of the new railings before voting.";
        let w = wrap(text, " 1. ", "    ");
        assert!(w.lines().all(|l| l.chars().count() <= WIDTH), "{w}");
        assert!(w.starts_with(" 1. The"));
        assert!(w.lines().nth(1).unwrap().starts_with("    "));
    }
}
