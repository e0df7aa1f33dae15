//! Every threshold and weight of the analysis, in one place.
//!
//! Each stage reads its numbers from its own struct here, passed down as
//! `&Params` from [`crate::build`] (never a global), so an experiment or a
//! test can change one value and see what moves. Every field says how its
//! value was measured; where it was set by judgement and never measured,
//! it says so. `Params::default()` is the shipped behaviour.
//!
//! Stages owned by other issues add their own structs here.

/// All parameters of the analysis.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Params {
    pub segment: SegmentParams,
    pub cluster: ClusterParams,
    pub align: AlignParams,
    pub lexicon: LexiconParams,
    pub quotes: QuoteParams,
    pub divergence: DivergenceParams,
    pub syndication: SyndicationParams,
}

/// The sentence splitter ([`crate::nlp::sentences`]).
#[derive(Debug, Clone, PartialEq)]
pub struct SentenceParams {
    /// Quotations and brackets longer than this many words are read as
    /// running prose and split inside: a five-sentence statement should not
    /// become one sentence, and a mispaired mark should not swallow a
    /// paragraph. Set by judgement (a long spoken sentence is about 40
    /// words); not swept.
    pub max_enclosed_words: usize,
}

impl Default for SentenceParams {
    fn default() -> Self {
        SentenceParams {
            max_enclosed_words: 40,
        }
    }
}

/// Cleaning and splitting articles ([`crate::segment`]).
#[derive(Debug, Clone, PartialEq)]
pub struct SegmentParams {
    pub sentences: SentenceParams,
    /// Lines longer than this many words are content even if a furniture
    /// phrase occurs in them ("The advertisement ran on national television
    /// …"). Set by judgement: chrome lines seen in the sample and ECB+ are
    /// under 15 words; not swept.
    pub furniture_max_words: usize,
    /// A headline (first line of a plain-text article) has at most this many
    /// words … (judgement: news headlines run 5–15 words; not measured).
    pub headline_max_words: usize,
    /// … and at most this many characters (judgement, as above).
    pub headline_max_chars: usize,
    /// A headline ending in `?` or `!` needs this share of capitalised words
    /// ("Will the Dam Hold?", not "It's about time, right?"). Judgement,
    /// checked on the unit-test examples only.
    pub headline_question_share: f64,
    /// A section heading has at most this many words (judgement).
    pub heading_max_words: usize,
    /// A heading this short is a label even in sentence case ("Background",
    /// "Key takeaways"). Judgement.
    pub heading_label_words: usize,
    /// A longer heading needs this share of capitalised words. Judgement,
    /// checked on the 9 headings of the sample (all found, no sentence
    /// taken for one).
    pub heading_capitalised_share: f64,
    /// A heading ending in `?` or `!` needs this share. Judgement.
    pub heading_question_share: f64,
}

impl Default for SegmentParams {
    fn default() -> Self {
        SegmentParams {
            sentences: SentenceParams::default(),
            furniture_max_words: 20,
            headline_max_words: 20,
            headline_max_chars: 160,
            headline_question_share: 0.5,
            heading_max_words: 12,
            heading_label_words: 3,
            heading_capitalised_share: 0.6,
            heading_question_share: 0.75,
        }
    }
}

/// Grouping articles into stories ([`crate::cluster`]).
#[derive(Debug, Clone, PartialEq)]
pub struct ClusterParams {
    /// Average cosine similarity two clusters need to merge (and the
    /// centroid cosine a fragment needs to join a group). On ECB+, 0.3% of
    /// different-story pairs against over 60% of same-story pairs reach it.
    /// Set by a coarse sweep on ECB+ (0.15 to 0.35 in steps of 0.05, then
    /// 0.22), not fitted per topic; `cargo run --release --example ecb`
    /// repeats the sweep. With the shared IDF (`nlp::compare::idf`, which
    /// replaced ln(1 + N/df) here) ECB+ B-cubed F1 at 0.22 is 0.961
    /// (P 0.970, R 0.951), against 0.954 with the old formula.
    /// Cross-validated over ECB+ topics (`examples/cluster_cv.rs`: five
    /// folds, thresholds 0.16–0.26 with the fragment variants): 0.22 won
    /// in four folds of five; held-out F1 0.951, sd 0.026 (re-run in
    /// session 24 over 0.18–0.26: 0.22 in every fold, 0.952, sd 0.026).
    pub merge_threshold: f64,
    /// Weight of a named-thing term relative to a plain content word
    /// (names set look-alike events apart). Judgement, checked by
    /// cross-validation: with the weights swept too (`CV_WEIGHTS=1
    /// cargo run --release --example cluster_cv`: entity 1.5 or 3, number
    /// 1 or 2, headline 1.5 or 3, each with every threshold), four folds of
    /// five chose entity 1.5 at 0.20 and one headline 1.5, yet held-out F1
    /// was no better: 0.954 / 0.928 / 0.886 (whole / three per story /
    /// short) against 0.952 / 0.932 / 0.886 with these weights fixed.
    ///
    /// Rejected in session 28, shouted text (a body block whose words are
    /// mostly all capitals) giving no name runs or people, its words kept
    /// as name terms: on the shouted view of `examples/cluster_cv.rs`
    /// (`CV_CAPS=1`: every article cut to 40 words, every third one's
    /// body upper-cased) all topics at 0.22 rose 0.881 → 0.890, but the
    /// held-out folds (thresholds 0.20–0.24 chosen on whole, three and
    /// short) moved +0.017, +0.002, −0.021, +0.002, 0: mean 0.897 both.
    /// Dropping the shouted words' name terms too lost (0.858 on all
    /// topics): in written reports the same words are names, and they are
    /// what a shouted report shares with them. Every other view unchanged
    /// (no ECB+ block is shouted).
    pub entity_weight: f32,
    /// Weight of a number or date term. Judgement; cross-validated as
    /// [`ClusterParams::entity_weight`].
    pub number_weight: f32,
    /// Extra factor for terms of the headline. Judgement; cross-validated
    /// as [`ClusterParams::entity_weight`].
    pub title_boost: f32,
    /// How many of a document's top-weighted terms enter the candidate
    /// index. Judgement, checked by the ECB+ B-cubed score staying put.
    pub top_terms: usize,
    /// Postings longer than this share of the collection propose no pairs
    /// (such a term cannot single out one event) … Judgement; it keeps the
    /// candidate count near-linear (benches/pipeline.rs).
    pub max_posting_share: f64,
    /// … unless they are no longer than this (a story of many outlets).
    /// Judgement.
    pub min_posting_cap: usize,
    /// Most partners one document proposes for scoring. Far above the size
    /// of any story seen (ECB+'s largest automatic group has under 60
    /// articles), so only the long tail of weak, incidental overlaps is
    /// cut. Judgement.
    pub max_candidates: usize,
    /// Largest group that still counts as a fragment of a bigger story and
    /// joins it by centroid. Measured on ECB+: B-cubed F1 0.949 → 0.954,
    /// recall 0.928 → 0.944 with fragment attachment.
    pub fragment_max: usize,
    /// How much closer a fragment must be to the best story's centre than
    /// to the runner-up's to join it (0: no margin). Same-topic look-alike
    /// events sit close to each other; a fragment between them abstains.
    /// Cross-validation chose a margin in two folds of five and none in
    /// three, so the default stays 0 (margin 0.03: ECB+ 0.960 against 0.961,
    /// three-per-story 0.911 against 0.906).
    pub fragment_margin: f64,
    /// Smallest story a fragment may join: at least twice the largest
    /// fragment, so a pair or a lone report is never handed to a story
    /// barely bigger than itself (the look-alike twin of its own small
    /// story). Chosen by cross-validation over ECB+ topics, each fold tuned
    /// on its training topics whole, three articles per story and cut to
    /// 40 words (`examples/cluster_cv.rs`): 4 won in four folds of five, 5
    /// in one. Held-out F1: whole 0.952, three per story 0.932, short 0.886
    /// (with 3: 0.951 / 0.906 / 0.903 on all topics).
    pub fragment_target_min: usize,
    /// How much closer (centroid cosine) a lone report must be to one
    /// group's centre than to any other group's to join it whatever that
    /// group's size, a story of two included (`f64::INFINITY`: never).
    /// Without it, the third report of a three-outlet story that falls
    /// short of average linkage stays alone (the size rule above), which
    /// is why Parallax trailed plain TF-IDF + average linkage on small
    /// stories. Chosen by cross-validation over ECB+ topics
    /// (`CV_ALL=1 CV_SINGLE=1 CV_LONE=… cargo run --release --example
    /// cluster_cv`; each fold tuned on its training topics whole, three
    /// per story, cut to 40 words and as one event per topic with one to
    /// five articles per story): 0.03 with floor 0.6 at threshold 0.22 in
    /// every fold, against margins 0.05 and 0.10 and floors 0–1. Held-out
    /// B-cubed F1 before → after: three per story 0.932 → 0.946, short
    /// 0.889 → 0.897, whole 0.952 → 0.951; one event per topic, three per
    /// story 0.927 → 0.982 and 0.973 → 1.000 (the baseline 0.978 and 0.995).
    pub lone_margin: f64,
    /// The centroid cosine such a lone report needs, as a share of
    /// [`ClusterParams::merge_threshold`]: a report of a story of its own
    /// that shares a name with one group and nothing with the rest must
    /// not join it. Cross-validated with [`ClusterParams::lone_margin`]:
    /// with no floor, one to five articles per story (stories of one
    /// report among them) scored 0.985 against 0.996 with 0.6 or 0.7 (ECB
    /// half, all topics, threshold 0.22); 0.6 and below tie on the rest.
    pub lone_floor: f64,
    /// Articles of a group that must mention a time for it to be
    /// confident. Judgement (two is the least that is not one article's
    /// say-so), checked by cross-validation over ECB+ topics in session 27
    /// (`CV_ANCHOR=1,3 CV_SINGLE=1 CV_ALL=1 cargo run --release --example
    /// cluster_cv`, all topics at 0.22, whole / three per story / short):
    /// 2 gives 0.968 / 0.940 / 0.911, 1 gives 0.906 / 0.921 / 0.896 (one
    /// report's background year splits stories), 3 gives 0.954 / 0.934 /
    /// 0.912. Asking also that a share of the group's articles (0.25, 0.34,
    /// 0.5) name its time lost whole articles (0.961, 0.950, 0.933) and
    /// changed nothing else.
    pub min_anchor_docs: u32,
    /// Share of a group's articles a person must lead to be its main
    /// person. Judgement, checked by cross-validation over ECB+ topics in
    /// session 27 (`CV_WHO=share:absent,… CV_SINGLE=1 CV_ALL=1 cargo run
    /// --release --example cluster_cv`, all topics at 0.22): the person
    /// veto off costs three per story 0.940 → 0.934 and short 0.911 →
    /// 0.906; shares 0.34–0.5 with absent shares 0.2–0.5 score the same,
    /// except 0.34 with 0.34 (whole 0.968 → 0.965, one event per topic
    /// 0.989 → 0.984). Vetoing when only one main person is absent from
    /// the other side (a second arrest's reports recalling the first) split
    /// one-event stories (0.983 / 0.989 → 0.978 / 0.984) and joined no
    /// look-alike pair fewer: the pairs merge as single reports, before
    /// either side has two.
    /// Rejected in session 28, a pair-level cannot-link between single
    /// reports (CV over ECB+ topics, all topics at 0.22, whole / three /
    /// short / one event per topic): letting one report's main person be
    /// its group's main person cost 0.968 / 0.940 / 0.911 → 0.918 / 0.923
    /// / 0.902 (single-report main people are noisy and the veto outlives
    /// merges); asking each report to use its surname alone at least 1–4
    /// times and the other's at most 0–2 times changed nothing at 2–4
    /// uses with 0–1 other (the look-alike twins of the three-per-story
    /// view name each other's person: the Saints' reports of one injured
    /// running back name the other), and lost at 1 use (0.966, one event
    /// 0.985) or 2 others (three per story 0.929).
    pub min_who_share: f64,
    /// Largest share of the other group's articles that may mention a main
    /// person who is "absent" there. Judgement, checked with
    /// [`ClusterParams::min_who_share`].
    pub absent_share: f64,
    /// Articles of one previously built story that fresh grouping must put
    /// elsewhere together before they split off it, and the size a kept
    /// story needs before a lone article of the previous build joins it
    /// ([`crate::cluster::group_keeping`]). Judgement: two is the least
    /// that is not one article's say-so. Checked on ECB+ built in steps
    /// (90% then all; 50% then all; 70, 85, then 100%, three random
    /// orders each): B-cubed F1 0.961 / 0.948–0.950 / 0.946–0.956 against
    /// 0.959 for one clean build, with 4.2% of old articles changing
    /// story-mates on the 90% step (13.5% without keeping).
    pub keep_split_min: usize,
    /// Longest span, in publication months (first to last dated article),
    /// of a story whose text does not tie its parts together: reports of
    /// one event come out within weeks. Checked by cross-validation over
    /// ECB+ topics on the dated event views of `examples/cluster_cv.rs`
    /// (`CV_SELECT=events`: ECB+ dated, and with a copy of every story
    /// five months or two years later): 1, 2 and 3 score the same on every
    /// fold (held-out dated 0.982, five months 0.864, two years 0.955 at
    /// threshold 0.20), 0 loses recall (dated 0.968 against 0.983 on all
    /// topics at 0.22) and 6 merges the five-month copies (0.606 against
    /// 0.872). 1 is kept: the least of the tied values, and the month the
    /// earlier rule (leading publication months more than one apart)
    /// allowed.
    pub event_months: u32,
    /// Share of a group's articles that must name another group's time
    /// (its year, or its month within the same year) for the text to tie
    /// the two across a gap in publication dates. Judgement: most of
    /// them, so a background year one report recalls ties nothing.
    pub tie_share: f64,
    /// Two groups left apart by average linkage merge when their links
    /// are nearly as strong as the links inside them: the average
    /// similarity of their cross pairs reaches this share of the
    /// geometric mean of their inside averages (a lone report against the
    /// other side's inside average). Reports of one event written short
    /// share few words, so every similarity among them is low, but the
    /// parts of one story are about as close to each other as their own
    /// members are; two look-alike events are not (their names and dates
    /// differ). `f64::INFINITY`: never. Chosen by cross-validation over
    /// ECB+ topics (`CV_SINGLE=1 CV_ALL=1
    /// CV_CHOOSE=whole,three,short,sizes1,sizes2 CV_COH=… cargo run
    /// --release --example cluster_cv`; ratios 0.55–0.7 and off, thresholds
    /// 0.20–0.24): with the threshold chosen per fold, held-out B-cubed F1
    /// off → 0.6: whole 0.951 → 0.951, three per story 0.946 → 0.940
    /// (one fold merges a look-alike pair), short 0.897 → 0.907, one event
    /// per topic short 0.938 / 0.923 → 0.949 / 0.951, whole 0.970 / 0.974
    /// → 0.972 / 0.977, three per story and one to five per story
    /// unchanged. 0.5 merges look-alikes (three per story 0.907 on all
    /// topics), 0.7 and above change nothing.
    pub cohesion_ratio: f64,
    /// Smallest group the cohesion merge considers (1: a lone report too).
    pub cohesion_min_size: usize,
}

impl Default for ClusterParams {
    fn default() -> Self {
        ClusterParams {
            merge_threshold: 0.22,
            entity_weight: 2.0,
            number_weight: 3.0,
            title_boost: 2.0,
            top_terms: 40,
            max_posting_share: 0.05,
            min_posting_cap: 100,
            max_candidates: 200,
            fragment_max: 2,
            fragment_margin: 0.0,
            fragment_target_min: 4,
            lone_margin: 0.03,
            lone_floor: 0.6,
            min_anchor_docs: 2,
            min_who_share: 0.5,
            absent_share: 0.2,
            keep_split_min: 2,
            event_months: 1,
            tie_share: 0.5,
            cohesion_ratio: 0.6,
            cohesion_min_size: 1,
        }
    }
}

/// Aligning claims into facts ([`crate::align`]).
#[derive(Debug, Clone, PartialEq)]
pub struct AlignParams {
    /// Two claims state the same fact when their similarity reaches this
    /// cut: three standard deviations above the background similarity of
    /// unrelated sentences. Over all cross-source sentence pairs of three
    /// large stories (the sample, two ECB+ stories of 19 and 21 articles)
    /// the background is steady at mean 0.03, deviation 0.09, so mean +
    /// 3 sd lands at 0.29–0.32. Fixed rather than measured per story: on a
    /// small tightly focused story the statistic no longer describes the
    /// background (it rose to 0.45 on a six-article story and lost half
    /// its facts).
    pub cut: f32,
    /// A candidate joins a group when it reaches the cut with one member
    /// and, on average, this similarity with all of them. Judgement; not
    /// swept separately.
    pub cohesion: f32,
    /// Least overlap of the words other than names for two claims to
    /// match (two claims sharing only names are the same people doing
    /// different things). Judgement; not swept.
    pub predicate_min: f32,
    /// Claims with fewer content terms than this state no checkable fact.
    /// Judgement.
    pub min_terms: usize,
    /// Weight boost of a name (shared out over a run of capitalised
    /// words). Judgement; not swept.
    pub name_boost: f32,
    /// Weight boost of a number. Judgement; not swept.
    pub number_boost: f32,
    /// A clause carrying more than this share of its sentence's weight is
    /// the sentence: using one retires the other. Judgement; not swept.
    pub clause_dominates: f32,
    /// A group whose sentences are, on average, this much above the cut
    /// similar to an accepted group's is the same fact and is dropped.
    /// Judgement; not swept.
    pub duplicate_margin: f32,
    /// Most other claims one claim is compared with: its candidates sharing
    /// the most (rarest) weight. Far above what a story of a few dozen
    /// articles produces, so it binds only in large stories, where it keeps
    /// the cost linear in the claims rather than quadratic. On every dev
    /// story and the whole ECB+ collection the output is byte-identical to
    /// comparing all candidates (checked when it was introduced).
    pub max_candidates: usize,
    /// Most posting entries one claim's candidate search reads. Terms are
    /// read rarest first, so a claim stops before the common words whose
    /// postings span the whole story (the rare terms already found its
    /// matches). Judgement, checked by byte-identical dev and ECB+ output.
    pub postings_budget: usize,
}

impl Default for AlignParams {
    fn default() -> Self {
        AlignParams {
            cut: 0.30,
            cohesion: 0.22,
            predicate_min: 0.15,
            min_terms: 4,
            name_boost: 1.6,
            number_boost: 1.6,
            clause_dominates: 0.6,
            duplicate_margin: 0.15,
            max_candidates: 400,
            postings_budget: 40_000,
        }
    }
}

/// How strongly two different words related in WordNet count
/// ([`crate::lexicon`]).
#[derive(Debug, Clone, PartialEq)]
pub struct LexiconParams {
    /// Two stems sharing a synset. Judgement (a synonym is nearly the same
    /// word); the MSR paraphrase check (`examples/msrp.rs`, 71.8% test
    /// accuracy) was run with these three values, not used to fit them.
    pub synonym: f32,
    /// One stem's sense is the other's hypernym, or a closed compound and
    /// its head. Judgement, as above.
    pub hypernym: f32,
    /// Both are kinds of one specific thing. Judgement, as above.
    pub sibling: f32,
}

impl Default for LexiconParams {
    fn default() -> Self {
        LexiconParams {
            synonym: 0.8,
            hypernym: 0.6,
            sibling: 0.45,
        }
    }
}

/// Finding quotations and their speakers ([`crate::quotes`]).
///
/// "ECB+ speakers" below is the speaker grader
/// (`../shared/eval/speakers/score_speakers.py`, 286 labelled quotations of
/// the ECB+ corpus), read on its odd-numbered topics and reported on the
/// even-numbered ones; `examples/speakers.rs` lists every quotation's
/// speaker for a before/after comparison.
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteParams {
    /// How many bytes before a quotation, at most, are read for its
    /// speaker when earlier quotations share its sentence. Judgement: about
    /// 300 words, far more than any attribution clause in the sample or
    /// ECB+ (whose builds are byte-identical with and without the limit);
    /// it keeps a sentence of 20,000 quotations linear (issue 13).
    pub max_context_bytes: usize,
    /// Quotations shorter than this (in words) need an attribution pattern
    /// to count (a scare-quoted "target" does not). Judgement: scare quotes
    /// seen in the sample and ECB+ are one to three words; a short sentence
    /// ("It's about me.") is kept by its own rule.
    pub scare_quote_words: usize,
    /// Words that may stand between two quotations of one speaker for the
    /// second to take the first one's speaker (`"…," she said. "…"`).
    /// Judgement ("she said, adding" is four); not swept.
    pub continuation_words: usize,
    /// Least number of gender votes (honorifics, pronouns) before a
    /// person's gender is taken as known, so a pronoun can skip them.
    /// Judgement: one pronoun is too often another person's; not swept.
    pub gender_min_votes: u32,
    /// Share of the votes one gender needs. Judgement (three quarters);
    /// not swept.
    pub gender_share: f64,
    /// Votes an honorific before a name ("Mr.", "Sister") counts, against
    /// one per pronoun. Judgement: an honorific is explicit.
    pub honorific_votes: u32,
    /// Words read after a closing mark for its attribution (`"…," said
    /// the company's chief executive, Ana Lima`). Judgement: attributions
    /// on ECB+ speakers fit in it; not swept.
    pub after_words: usize,
    /// Longest appositive skipped between a subject and its verb after a
    /// quotation (`X, the store's insurer, told`). Judgement.
    pub appositive_words: usize,
    /// Longest prepositional phrase after a subject that follows a
    /// quotation (`a source with knowledge of the talks said`). Judgement.
    pub pp_after_words: usize,
    /// Longest prepositional phrase between a subject and its verb before
    /// a quotation ("the militant in the video tells"), and longest object
    /// of a verb of perception that speaks ("heard the angry crowd shout").
    /// Judgement.
    pub pp_words: usize,
    /// Longest role phrase between a name and the role noun that describes
    /// it ("Ana Lima, the Chamber's vice president, said"). Judgement.
    pub role_words: usize,
    /// Longest introduction set off by a comma before a sentence's subject
    /// ("Already,", "On Saturday,"). Judgement.
    pub introduction_words: usize,
    /// Merging quotations into statements.
    pub merge: MergeParams,
}

/// Merging the quotations of a story into statements
/// ([`crate::quotes`]'s merge step). Set by judgement when merging was
/// written and kept since: every value below is checked by the dev and
/// ECB+ quotation figures staying put (quote recall, merge, source
/// recall), not swept.
#[derive(Debug, Clone, PartialEq)]
pub struct MergeParams {
    /// Pieces of a quotation shorter than this many words join a
    /// neighbour ("No." is not a statement).
    pub min_segment_words: usize,
    /// Least share of the shorter piece two pieces must share (longest
    /// common subsequence of words, and of IDF weight) to be one statement.
    pub min_containment: f64,
    /// The same for a shorter piece of under
    /// [`MergeParams::short_segment`] words: short phrases need to be
    /// nearly identical.
    pub min_containment_short: f64,
    /// Length in words under which a piece is short.
    pub short_segment: usize,
    /// Least number of shared words (or all of a shorter piece).
    pub min_shared_words: usize,
    /// A word in more pieces than this says nothing about which statement
    /// a piece is; it proposes no pairs (keeps merging near-linear even on
    /// pathological text with thousands of quotations).
    pub max_postings: usize,
}

impl Default for MergeParams {
    fn default() -> Self {
        MergeParams {
            min_segment_words: 4,
            min_containment: 0.8,
            min_containment_short: 0.85,
            short_segment: 8,
            min_shared_words: 3,
            max_postings: 64,
        }
    }
}

impl Default for QuoteParams {
    fn default() -> Self {
        QuoteParams {
            max_context_bytes: 2_000,
            scare_quote_words: 4,
            continuation_words: 6,
            gender_min_votes: 2,
            gender_share: 0.75,
            honorific_votes: 3,
            after_words: 16,
            appositive_words: 8,
            pp_after_words: 6,
            pp_words: 4,
            role_words: 8,
            introduction_words: 4,
            merge: MergeParams::default(),
        }
    }
}
/// Telling wire copies from independent reports ([`crate::syndication`]).
#[derive(Debug, Clone, PartialEq)]
pub struct SyndicationParams {
    /// Words per shingle. Five: long enough that independent reports of
    /// one event rarely share a run by chance (names and set phrases are
    /// shorter), short enough that a lightly edited copy keeps most runs.
    /// Judgement; the usual choice for near-duplicate news detection.
    pub shingle_words: usize,
    /// An article with fewer shingles is never judged a copy or copied
    /// (about 45 words): a short item sharing one quotation would otherwise
    /// look copied. Judgement.
    pub min_shingles: usize,
    /// Share of the smaller article's shingles the two must share. Measured
    /// on the 5,568 same-story pairs of ECB+ (982 articles, 86 stories): the
    /// distribution has no gap, so pairs were read by hand between 0.45 and
    /// 0.75. Every pair read from 0.6 up was versions of one agency report
    /// (AP's boxing and obituary texts, AFP's Paris heist, HP's press
    /// release as republished); just under it were two blogs sharing a
    /// carrier's statement (0.56), so the cut is 0.6, precision first.
    /// 90 pairs (1.6%) reach it. Not checked on a held-out corpus.
    pub containment: f64,
}

impl Default for SyndicationParams {
    fn default() -> Self {
        SyndicationParams {
            shingle_words: 5,
            min_shingles: 40,
            containment: 0.6,
        }
    }
}

/// Finding divergences ([`crate::divergence`]): conflicts between values
/// and claims only one source makes.
#[derive(Debug, Clone, PartialEq)]
pub struct DivergenceParams {
    /// Words on either side of a count or date, not crossing punctuation,
    /// that say what it measures or dates; two values are compared only
    /// when these share a word. Judgement (a noun phrase and its verb fit
    /// in four words); not swept.
    pub context_window: usize,
    /// A weekday or date clashes only when each of two values is given by
    /// at least this many sources (one passing mention is no account).
    /// Judgement (two is the least that is not one outlet's say-so); not
    /// swept.
    pub date_min_sources: usize,
    /// Share by which a yearly average exchange rate is widened either
    /// way when amounts in two currencies are compared
    /// (`divergence::money`): it covers the rate's movement inside the
    /// year. Measured on the pound and the euro against the dollar,
    /// 1999–2024 (Federal Reserve G.5A): the monthly averages stay within
    /// about 12% of the year's average in every year but 2008 (the pound
    /// fell a quarter); 0.12 keeps the comparison honest in all others.
    pub money_rate_margin: f64,
    /// A group of people is compared for its fate (rescued against
    /// arrested, `divergence::frames::fated_groups`) only when it counts at
    /// least this many: small groups recur in one story in different roles
    /// ("two were killed … two were arrested"), a named group of ten or
    /// more rarely does. Judgement; not swept (the dev stories hold one
    /// such group).
    pub fate_min_count: f64,
    /// Share of their words (figures left out) two sentences of different
    /// sources must share to be copies of one text; a figure only one copy
    /// gives is then not shown as a conflict (`divergence::gate`). Judgement:
    /// an outlet's edit of a wire sentence keeps at least four words in
    /// five; on ECB+ even topics (issue 11) it drops one misread figure
    /// ("412 months" for "41 / 2 months") and no judged-real side.
    pub copy_overlap: f64,
    /// Two sentences of one fact that credit different named people
    /// ("…, Undersheriff James Gage said" against "…, Sheriff Robert
    /// Pickell said") are an attribution conflict only when what they
    /// credit is one text: the words before the attribution share, as a
    /// common subsequence, at least this share of the shorter one's words …
    /// Measured on the dev stories (issue 11): the one wire sentence
    /// credited to two officials (the Michigan chase) shares 0.62–0.63 of
    /// the shorter edit's words with the other outlets' edits (each adds or
    /// drops a figure and a clause; 0.90 between the two that credit the
    /// same man); set at a half, under that, by judgement. Not swept; at
    /// a half the design data (dev, ECB+ even topics, MSRP train) show no
    /// other attribution conflict.
    pub attribution_copy_share: f64,
    /// … and at least this many words (a short sentence such as "The toll
    /// rose to 10" is said alike by people who never read each other).
    /// Judgement; not swept.
    pub attribution_min_words: usize,
    pub unique: UniqueParams,
}

impl Default for DivergenceParams {
    fn default() -> Self {
        DivergenceParams {
            context_window: 4,
            date_min_sources: 2,
            money_rate_margin: 0.12,
            fate_min_count: 10.0,
            copy_overlap: 0.8,
            attribution_copy_share: 0.5,
            attribution_min_words: 8,
            unique: UniqueParams::default(),
        }
    }
}

/// Choosing and ranking claims only one source makes
/// (`divergence::unique`). A candidate's score is
/// `name_weight · min(new names, max_names) + number_weight · min(new
/// numbers, max_numbers) + phrase_weight · min(new phrases, max_phrases) +
/// quotation_weight (if quoted) + novel_weight ·
/// share of new content words + position_weight · (1 − place in the
/// article) − aligned_penalty (if another source says something close)`.
/// The weights were set by judgement when the ranking was written
/// (names and numbers are what an editor checks first) and never swept:
/// the graded figure (divergence recall) does not score the ranking.
#[derive(Debug, Clone, PartialEq)]
pub struct UniqueParams {
    /// Above this content-stem cosine to some sentence of another source,
    /// a sentence is not unique. Judgement; not swept.
    pub max_similarity: f32,
    /// Fewer content words than this is too short to be a claim.
    /// Judgement; not swept.
    pub min_content_words: usize,
    /// … and a sentence whose content words are under this share of its
    /// words is filler ("Meanwhile, as is often the case, …"). Judgement;
    /// not swept.
    pub min_content_share: f32,
    /// Least words between double quotation marks for a sentence to count
    /// as quoting someone. Judgement; not swept.
    pub quotation_min_words: usize,
    /// Weight of each name no other source mentions … (judgement, not
    /// swept; see the struct's formula).
    pub name_weight: f32,
    /// … counted up to this many. Judgement.
    pub max_names: usize,
    /// Weight of each amount no other source gives … Judgement.
    pub number_weight: f32,
    /// … counted up to this many. Judgement.
    pub max_numbers: usize,
    /// Weight of each phrase no other source uses (two adjacent content
    /// words, `unique::novel_phrases`), in a sentence another source
    /// echoes … Judgement, half a name's or a number's weight (a phrase
    /// is a softer detail): at 1.5 a phrase outranked a blind fixture's
    /// new figure ("stabbed his wife 17 times") within its source's cap;
    /// not swept further.
    pub phrase_weight: f32,
    /// … counted up to this many. Judgement.
    pub max_phrases: usize,
    /// Weight of carrying a quotation. Judgement.
    pub quotation_weight: f32,
    /// Weight of the share of content words no other source uses.
    /// Judgement.
    pub novel_weight: f32,
    /// Weight of an early place in the article (the lead is what the
    /// outlet stands behind). Judgement.
    pub position_weight: f32,
    /// Subtracted when the sentence is aligned with, or close to, another
    /// source's: only its new detail is unique. Judgement.
    pub aligned_penalty: f32,
    /// Least score worth an editor's time: a late sentence with no new
    /// name, number or quotation and little new content falls below it.
    /// Judgement; not swept.
    pub min_score: f32,
    /// At most this many kept per source, best ranked first; `None` keeps
    /// every claim whose score reaches `min_score` (the default).
    ///
    /// The news-value ranking does not predict which single-source claims
    /// an editor lists: on the development stories (dev.sh) they sit
    /// anywhere from rank 0 to 30 within their source, so a cap drops them
    /// at random. Caps were tried three ways: the old ones (3–8 per source,
    /// 9 + 2 per source per story up to 30) gave dev divergence recall 0.71
    /// and the blind fixture stories 0.43; the smallest that kept dev at
    /// 0.745 (one per 5 sentences, 8–16 per source, 20 + 4 per source per
    /// story up to 60) gave 0.745 and 0.56; none gave 0.77 and 0.65 (session
    /// 29; dev shows 166 claims instead of 146 and the share another source
    /// restates stays 0.25). Dev cannot choose among them, so the cap is a
    /// product choice, made in session 29 knowing the fixture figures (which
    /// are therefore no longer held out for this choice): the page shows
    /// each source's first `output::view::UNIQUE_OPEN_PER_SOURCE` open and
    /// folds the rest, and the email lists a few (`EmailLimits`), so a cap
    /// would only hide evidence that passed the news-value gate.
    pub per_source_max: Option<usize>,
    /// Kept per story, best ranked first over all sources: a guard on the
    /// size of the page and digest of a story covered by hundreds of
    /// outlets, not a choice of what matters (see `per_source_max`). It
    /// binds on none of the blind fixture stories, on one of the four dev
    /// stories (eleven outlets) and on 35 of ECB+'s 91 stories (about ten
    /// outlets each); at 400 it binds on none, every dev.sh figure stays the
    /// same and ECB+ shows 4,672 single-source claims instead of 3,725 (the
    /// largest story 131). Judgement.
    pub per_story_max: usize,
    /// A candidate is no single-source claim when one sentence of another
    /// report (not a syndicated copy) covers at least this share of its
    /// content-stem weight (by stem, spelling or WordNet sense), leaves
    /// uncovered no word the other sources lack, and differs in no figure,
    /// name, negation or modal verb (`unique::restated_elsewhere`). Above 1
    /// the test is off. Measured on the development stories (dev.sh's
    /// sentences, session 30): the three right restatements it finds cover
    /// 0.81, 1.00 and 1.00; the best pair below them is a right claim
    /// matched through a wrong sentence at 0.62 (one that does not state
    /// the detection the claim reports); 0.7 lies between. From 0.6 to 0.8
    /// the same three claims drop; at 0.5 claims that share only a name
    /// and a setting with another sentence drop too (read on the ECB+ build).
    pub restated_min_cover: f32,
}

/// The paraphrase model of the language layer ([`crate::nlp::paraphrase`]):
/// `P = 1 / (1 + exp(-(bias + Σ weights_i · feature_i)))` over the eleven
/// features documented there.
///
/// Fitted by `examples/msrp_paraphrase.rs` on the training half of the MSR
/// Paraphrase Corpus only (4,076 news sentence pairs, each in both orders;
/// content stems weighted by the smoothed IDF over the training sentences;
/// synonyms from WordNet's synsets, [`crate::lexicon::Lexicon::senses`]):
/// logistic regression by full-batch gradient descent from zero (20,000
/// steps, L2 1e-4, so the fit is the same on every run), weights rounded to
/// two decimals. Five-fold cross-validation on the training half: accuracy
/// 0.730, F1 0.817 at 0.5. Held-out test half (run once, after the design):
/// accuracy 0.734, F1 0.818 at 0.5; 0.723 / 0.795 at `restated_min`; the
/// plain content-stem cosine scores 0.715 / 0.797 at its best training cut
/// (0.56) and 0.685 / 0.808 at unique claims' 0.34. The figure and bigram
/// weights are small or negative because MSRP's judges call pairs that
/// drop a figure or a clause paraphrases; `restates` therefore makes a new
/// figure, name or negation a hard condition rather than a weight.
#[derive(Debug, Clone, PartialEq)]
pub struct ParaphraseParams {
    /// Constant term of the model.
    pub bias: f32,
    /// One weight per feature, in the order of `nlp::paraphrase` (its
    /// `FEATURES`; a unit test there checks the two agree).
    pub weights: [f32; 11],
    /// Least probability at which one sentence restates another
    /// (`nlp::paraphrase::restates`): the cut of the grid 0.3–0.8 with the
    /// best training accuracy (0.741; 0.733 at 0.5), precision 0.80.
    pub restated_min: f32,
}

impl Default for ParaphraseParams {
    fn default() -> Self {
        ParaphraseParams {
            bias: -5.32,
            weights: [
                4.01, 4.01, -0.21, -0.21, 0.08, 0.08, -0.89, 2.25, -2.38, 2.75, 2.75,
            ],
            restated_min: 0.6,
        }
    }
}

impl Default for UniqueParams {
    fn default() -> Self {
        UniqueParams {
            max_similarity: 0.34,
            min_content_words: 6,
            min_content_share: 0.4,
            quotation_min_words: 4,
            name_weight: 2.0,
            max_names: 3,
            number_weight: 2.0,
            max_numbers: 2,
            phrase_weight: 1.0,
            max_phrases: 1,
            quotation_weight: 1.5,
            novel_weight: 2.0,
            position_weight: 1.0,
            aligned_penalty: 1.0,
            min_score: 1.0,
            per_source_max: None,
            per_story_max: 60,
            restated_min_cover: 0.7,
        }
    }
}
