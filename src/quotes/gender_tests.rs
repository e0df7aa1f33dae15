//! Gender inference of speaker detection, where it must fire and where it
//! must not. A pronoun skips a person only when the story gives that person
//! the other gender with at least `QuoteParams::gender_min_votes` votes (2)
//! and `gender_share` (three quarters) of them: an honorific with a gender
//! counts three, a personal pronoun one (in its own clause, or opening the
//! next sentence), a pronoun after a comma none.
//!
//! The story: Father Luis Ortega praises Reyes, then "“She never once
//! turned a patient away,” he told the paper." When Reyes is known to be a
//! woman, "he" skips her and lands on Ortega; otherwise gender decides
//! nothing and Ortega is not reached by it.

use super::tests::{segmented, speaker_of};

fn speaker(first: &str, praise: &str) -> Option<String> {
    let second = format!(
        "Reporters asked Father Luis Ortega about the clinic. Expressing pride in {praise}, he said \
         the town owed her a great deal. “She never once turned a patient away from that door,” he \
         told the paper."
    );
    let qs = segmented(&[first, &second]);
    speaker_of(&qs, "turned a patient away").map(str::to_string)
}

/// Does "he" skip Reyes and reach Ortega, for each (first paragraph, how
/// Ortega names her)?
fn skips(cases: &[(&str, &str)]) -> Vec<bool> {
    cases
        .iter()
        .map(|(first, praise)| speaker(first, praise).as_deref() == Some("Luis Ortega"))
        .collect()
}

#[test]
fn a_gender_from_enough_agreeing_votes_lets_a_pronoun_skip() {
    let cases = [
        // "Mrs." alone: an honorific counts three votes.
        ("Mrs. Reyes opened the clinic in 1990.", "Mrs. Reyes"),
        // Two pronouns: "her" in her own clause, and "She" opening the
        // quotation after a sentence that named her first.
        ("Dr. Ana Reyes opened her clinic in 1990.", "Dr. Reyes"),
    ];
    assert_eq!(skips(&cases), vec![true, true]);
}

#[test]
fn too_few_or_split_votes_give_no_gender() {
    let cases = [
        // One vote (the quotation's "She"), under the minimum of two.
        ("Dr. Ana Reyes opened the clinic in 1990.", "Dr. Reyes"),
        // A title without a gender ("Mayor") gives none.
        ("Mayor Ana Reyes opened the clinic in 1990.", "Mayor Reyes"),
        // Split votes: two for "she", one for "He" (a sentence opener after
        // her name), under three quarters.
        (
            "Dr. Ana Reyes opened her clinic in 1990. He still sees patients every morning.",
            "Dr. Reyes",
        ),
        // Pronouns after a comma start a new subject and never vote.
        (
            "Praising Dr. Ana Reyes, she said the clinic was open. Praising Dr. Ana Reyes, she \
             said it again.",
            "Dr. Reyes",
        ),
    ];
    assert_eq!(skips(&cases), vec![false; 4]);
}
