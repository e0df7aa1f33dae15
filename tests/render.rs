//! Rendering a hand-built digest: snapshots of the story page and
//! digest.json, escaping of article text, determinism, and the front page
//! order.

use parallax::config::Config;
use parallax::digest::{
    Claim, ConsensusFact, Digest, Divergence, DivergenceKind, QuoteItem, SourceRef, Variant,
    content_key,
};
use parallax::output::{OutputFile, Templates, render};

fn source(id: &str, title: Option<&str>, outlet: Option<&str>, url: Option<&str>) -> SourceRef {
    SourceRef {
        id: id.to_string(),
        label: String::new(),
        path: format!("{id}.txt"),
        title: title.map(str::to_string),
        outlet: outlet.map(str::to_string),
        url: url.map(str::to_string),
        published: None,
        copy_of: None,
    }
}

fn variant(source: &str, text: &str) -> Variant {
    Variant {
        source: source.to_string(),
        text: text.to_string(),
    }
}

fn fact(variants: &[(&str, &str)]) -> ConsensusFact {
    let text = variants[0].1.to_string();
    ConsensusFact {
        key: content_key(&[&text]),
        text,
        sources: variants.iter().map(|(s, _)| s.to_string()).collect(),
        support: variants.len(),
        variants: variants.iter().map(|(s, t)| variant(s, t)).collect(),
    }
}

fn claim(text: &str, sources: &[&str], value: Option<&str>) -> Claim {
    Claim {
        text: text.to_string(),
        sources: sources.iter().map(|s| s.to_string()).collect(),
        value: value.map(str::to_string),
    }
}

fn divergence(kind: DivergenceKind, topic: &str, claims: Vec<Claim>) -> Divergence {
    let texts: Vec<&str> = claims.iter().map(|c| c.text.as_str()).collect();
    Divergence {
        key: content_key(&texts),
        kind,
        topic: topic.to_string(),
        claims,
    }
}

fn quote(text: &str, speaker: Option<&str>, variants: &[(&str, &str)]) -> QuoteItem {
    QuoteItem {
        key: content_key(&[text]),
        text: text.to_string(),
        speaker: speaker.map(str::to_string),
        sources: variants.iter().map(|(s, _)| s.to_string()).collect(),
        variants: variants.iter().map(|(s, t)| variant(s, t)).collect(),
    }
}

/// A digest like the analysis stages make for five reports of one event.
fn sample() -> Digest {
    let (a, b, c, d, e) = ("harbour-ledger", "coast-wire", "003_c1", "004_d2", "005_e3");
    let consensus = vec![
        fact(&[
            (
                a,
                "The city council voted 7 to 2 on Tuesday to approve the new harbour bridge.",
            ),
            (
                b,
                "Councillors approved the harbour bridge by seven votes to two on Tuesday.",
            ),
            (c, "The council approved the bridge on Tuesday, 7-2."),
            (d, "On Tuesday the council backed the harbour bridge plan."),
            (
                e,
                "The harbour bridge was approved by the city council on Tuesday.",
            ),
        ]),
        fact(&[
            (a, "Construction is expected to begin next spring."),
            (c, "Work on the bridge should start in the spring."),
            (e, "Builders are expected to break ground next spring."),
        ]),
        fact(&[
            (
                b,
                "Mayor Ines Ortega called the vote \"a turning point for the east side\".",
            ),
            (
                d,
                "Ortega described the decision as a turning point for the east side.",
            ),
        ]),
        fact(&[
            (
                a,
                "Residents of the old ferry district opposed the plan at two public hearings.",
            ),
            (
                d,
                "Ferry district residents spoke against the bridge at public hearings.",
            ),
        ]),
    ];
    let divergent = vec![
        divergence(
            DivergenceKind::Conflict,
            "cost of the bridge",
            vec![
                claim(
                    "The bridge will cost an estimated $48 million.",
                    &[a, c],
                    Some("$48 million"),
                ),
                claim(
                    "The project is budgeted at $52 million.",
                    &[b],
                    Some("$52 million"),
                ),
                claim(
                    "Officials put the price at close to $50 million & rising.",
                    &[e],
                    None,
                ),
            ],
        ),
        divergence(
            DivergenceKind::Conflict,
            "who cast the dissenting votes",
            vec![
                claim(
                    "Councillors Park and Mbeki voted against.",
                    &[a],
                    Some("Park and Mbeki"),
                ),
                claim(
                    "Councillors Park and Oduya voted against.",
                    &[d],
                    Some("Park and Oduya"),
                ),
            ],
        ),
        divergence(
            DivergenceKind::Unique,
            "toll",
            vec![claim(
                "A toll of $2 per crossing is under discussion.",
                &[b],
                None,
            )],
        ),
        divergence(
            DivergenceKind::Unique,
            "environmental review",
            vec![claim(
                "The state has not yet finished its environmental review.",
                &[e],
                None,
            )],
        ),
        divergence(
            DivergenceKind::Unique,
            "ferry service",
            vec![claim(
                "The ferry will keep running until the bridge opens.",
                &[b],
                None,
            )],
        ),
        divergence(
            DivergenceKind::Wording,
            "the mayor's promise",
            vec![
                claim(
                    "\"We will build it on time and on budget,\" Ortega said.",
                    &[a, b],
                    None,
                ),
                claim(
                    "\"We'll build it on time and under budget,\" Ortega said.",
                    &[c],
                    None,
                ),
            ],
        ),
    ];
    let quotes = vec![
        quote(
            "We will build it on time and on budget.",
            Some("Ines Ortega"),
            &[
                (a, "We will build it on time and on budget."),
                (b, "We will build it on time and on budget."),
                (c, "We'll build it on time and under budget."),
            ],
        ),
        quote(
            "This bridge cuts our neighbourhood in half.",
            Some("a ferry district resident"),
            &[(d, "This bridge cuts our neighbourhood in half.")],
        ),
        quote(
            "Nobody asked the people who live here.",
            None,
            &[(a, "Nobody asked the people who live here.")],
        ),
    ];
    Digest {
        schema_version: 1,
        slug: "council-approves-harbour-bridge".to_string(),
        headline: "Council Approves Harbour Bridge After Heated Debate".to_string(),
        summary: "The city council voted 7 to 2 on Tuesday to approve the new harbour bridge. \
                  Construction is expected to begin next spring."
            .to_string(),
        source_count: 5,
        sources: vec![
            source(
                a,
                Some("Council Approves Harbour Bridge After Heated Debate"),
                Some("Harbour Ledger"),
                Some("https://ledger.example/bridge"),
            ),
            source(b, Some("Bridge Vote Passes"), Some("Coast Wire"), None),
            source(
                c,
                Some("Seven Votes for a Bridge Nobody Can Agree On"),
                None,
                None,
            ),
            source(d, None, None, Some("javascript:alert(1)")),
            source(
                e,
                Some("Harbour bridge approved"),
                None,
                Some("http://e.example/b"),
            ),
        ],
        consensus,
        divergent,
        quotes,
    }
    .with_labels()
}

trait WithLabels {
    fn with_labels(self) -> Self;
}

impl WithLabels for Digest {
    /// Labels the sources as the digest stage does.
    fn with_labels(mut self) -> Self {
        let labels = parallax::digest::source_labels(&self.sources);
        for (s, l) in self.sources.iter_mut().zip(labels) {
            s.label = l;
        }
        self
    }
}

fn file<'a>(files: &'a [OutputFile], path: &str) -> &'a str {
    let f = files
        .iter()
        .find(|f| f.path.to_str() == Some(path))
        .unwrap_or_else(|| panic!("{path} not rendered"));
    std::str::from_utf8(&f.bytes).unwrap()
}

fn config() -> Config {
    Config {
        title: "Harbour Digest".to_string(),
        language: "en-GB".to_string(),
        ..Config::default()
    }
}

fn render_sample() -> Vec<OutputFile> {
    let files = render(&[sample()], &config(), &Templates::default()).unwrap();
    if let Ok(dir) = std::env::var("PARALLAX_RENDER_DUMP") {
        // For looking at the pages in a browser while developing.
        parallax::write::write_site(std::path::Path::new(&dir), &files).unwrap();
    }
    files
}

#[test]
fn story_page_snapshot() {
    let files = render_sample();
    insta::assert_snapshot!(
        "story_page",
        file(&files, "stories/council-approves-harbour-bridge/index.html")
    );
}

#[test]
fn digest_json_snapshot() {
    let files = render_sample();
    insta::assert_snapshot!(
        "digest_json",
        file(
            &files,
            "stories/council-approves-harbour-bridge/digest.json"
        )
    );
}

#[test]
fn index_snapshot() {
    let files = render_sample();
    insta::assert_snapshot!("index_page", file(&files, "index.html"));
}

#[test]
fn digest_json_is_the_contract() {
    let files = render_sample();
    let text = file(
        &files,
        "stories/council-approves-harbour-bridge/digest.json",
    );
    assert!(text.ends_with("}\n"));
    let v: serde_json::Value = serde_json::from_str(text).unwrap();
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    for k in [
        "schema_version",
        "slug",
        "headline",
        "summary",
        "source_count",
        "sources",
        "consensus",
        "divergent",
        "quotes",
    ] {
        assert!(keys.contains(&k), "{k} missing");
    }
}

#[test]
fn rendering_twice_gives_identical_bytes() {
    assert_eq!(render_sample(), render_sample());
}

#[test]
fn pages_are_html5_with_viewport_lang_and_relative_links() {
    let files = render_sample();
    let story = file(&files, "stories/council-approves-harbour-bridge/index.html");
    let index = file(&files, "index.html");
    for page in [story, index] {
        assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"en-GB\">"));
        assert!(page.contains("<meta name=\"viewport\""));
        assert!(!page.contains("<script"));
        assert!(!page.contains("href=\"/"), "links must be relative");
        assert!(!page.contains("\n\n"));
    }
    assert!(story.contains("href=\"../../assets/style.css\""));
    assert!(story.contains(
        "<title>Council Approves Harbour Bridge After Heated Debate · Harbour Digest</title>"
    ));
    assert!(index.contains("href=\"stories/council-approves-harbour-bridge/index.html\""));
    assert!(index.contains("href=\"assets/style.css\""));
    let css = file(&files, "assets/style.css");
    assert!(css.contains("prefers-color-scheme: dark"));
    assert!(!css.contains("url("), "no external resources");
}

#[test]
fn story_page_shows_every_part() {
    let files = render_sample();
    let page = file(&files, "stories/council-approves-harbour-bridge/index.html");
    // Badges, labels, anchors.
    assert!(page.contains(">5 of 5 sources<"));
    assert!(page.contains(">2 of 5 sources<"));
    assert!(page.contains(">Harbour Ledger</a>"));
    // Without outlet or web URL a source is named by its file name.
    assert!(!page.contains("Source 4"));
    assert!(page.contains(">e.example</a>"));
    let d = sample();
    for key in d.consensus.iter().map(|c| &c.key) {
        assert!(page.contains(&format!("id=\"fact-{key}\"")));
    }
    for key in d.divergent.iter().map(|c| &c.key) {
        assert!(page.contains(&format!("id=\"div-{key}\"")));
    }
    // Wording diff is marked word by word.
    assert!(page.contains("<del>We will</del><ins>We&#39;ll</ins>"));
    assert!(page.contains("<del>on</del><ins>under</ins>"));
    // Only web links are links.
    assert!(page.contains("href=\"https://ledger.example/bridge\""));
    assert!(!page.contains("javascript:"));
    // Coverage matrix: 4 rows, 5 + 3 + 2 + 2 ticks.
    assert_eq!(page.matches("<td class=\"hit\"").count(), 12);
}

#[test]
fn html_special_characters_in_articles_are_escaped() {
    let mut d = sample();
    let evil = "<script>alert(\"x\")</script> Tom & Jerry's \"show\"";
    d.headline = evil.to_string();
    d.summary = evil.to_string();
    d.sources[1].title = Some(evil.to_string());
    d.sources[1].outlet = None;
    d.sources[0].url = Some(format!("https://x.example/?q=\"><script>{evil}"));
    d.consensus[0].text = evil.to_string();
    d.consensus[0].variants[1].text = evil.to_string();
    d.divergent[0].topic = evil.to_string();
    d.divergent[0].claims[0].value = Some(evil.to_string());
    d.divergent[5].claims[1].text = evil.to_string();
    d.quotes[0].text = evil.to_string();
    d.quotes[0].speaker = Some(evil.to_string());
    let files = render(&[d], &config(), &Templates::default()).unwrap();
    for f in files
        .iter()
        .filter(|f| f.path.extension().is_some_and(|e| e == "html"))
    {
        let page = std::str::from_utf8(&f.bytes).unwrap();
        assert!(!page.contains("<script"), "{}", f.path.display());
        if f.path == std::path::Path::new("404.html") {
            continue; // shows no article text
        }
        if f.path.ends_with("email.html") {
            // Re-serialised by the CSS inliner (html5ever), which escapes
            // `&`, `<`, `>` in text and `&`, `"` in attributes only.
            assert!(page.contains("&lt;script&gt;alert(\"x\")&lt;/script&gt; Tom &amp; Jerry's"));
            assert!(!page.contains("Tom & Jerry"));
            continue;
        }
        assert!(!page.contains("Tom & Jerry"), "{}", f.path.display());
        assert!(!page.contains("Jerry's"), "{}", f.path.display());
        assert!(!page.contains("\"show\""), "{}", f.path.display());
        assert!(
            page.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;&#x2F;script&gt;")
                || page.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;")
        );
        assert!(page.contains("Tom &amp; Jerry&#39;s &quot;show&quot;"));
    }
}

#[test]
fn index_orders_by_source_count_then_slug() {
    let mut big = sample();
    big.slug = "zeta".to_string();
    let mut small = sample();
    small.slug = "alpha".to_string();
    small.source_count = 2;
    let mut tie = sample();
    tie.slug = "beta".to_string();
    let files = render(&[small, big, tie], &config(), &Templates::default()).unwrap();
    let index = file(&files, "index.html");
    let pos = |s: &str| index.find(&format!("stories/{s}/")).unwrap();
    assert!(pos("beta") < pos("zeta"));
    assert!(pos("zeta") < pos("alpha"));
}

#[test]
fn unsafe_or_duplicate_slugs_are_refused() {
    let mut d = sample();
    d.slug = "../escape".to_string();
    assert!(render(&[d], &config(), &Templates::default()).is_err());
    let twice = [sample(), sample()];
    assert!(render(&twice, &config(), &Templates::default()).is_err());
}

#[test]
fn project_templates_override_by_name() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("index.html"),
        "custom {{ stories | length }}\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("style.css"), "body{}\n").unwrap();
    // Non-template files (images, notes) are ignored, even when not UTF-8.
    std::fs::write(dir.path().join("logo.png"), [0xff, 0xfe, 0x00]).unwrap();
    let t = Templates::load(Some(dir.path())).unwrap();
    let files = render(&[sample()], &config(), &t).unwrap();
    assert_eq!(file(&files, "index.html"), "custom 1\n");
    assert_eq!(file(&files, "assets/style.css"), "body{}\n");
    // The story page still uses the built-in template.
    assert!(file(&files, "stories/council-approves-harbour-bridge/index.html").contains("<h1>"));
}

#[test]
fn missing_template_folder_is_an_error_naming_it() {
    let err = Templates::load(Some(std::path::Path::new("no/such/templates")))
        .unwrap_err()
        .to_string();
    assert!(err.contains("no/such/templates"), "{err}");
}
