//! Speaker attribution, one group per kind of error seen on real news: for
//! each, sentences where the rule must name the right person and sentences
//! where it must name no one.

use super::tests::{segmented, speaker_of};

// ---- a fragment is not a speaker: adverbs, dates, places ----

#[test]
fn an_opening_adverb_is_not_the_speaker() {
    let qs = segmented(&[
        "Already, Donald J. Trump has denounced the deal and said, “It will never pass while I am around.”",
    ]);
    assert_eq!(speaker_of(&qs, "never pass"), Some("Donald J. Trump"));
    let qs = segmented(&[
        "Already, the deal has been denounced by many and said to be, “the worst agreement ever signed by anyone.”",
    ]);
    assert_eq!(speaker_of(&qs, "worst agreement"), None);
}

#[test]
fn a_date_is_not_the_speaker() {
    let qs = segmented(&["Saturday, organisers said “the march will go ahead as planned.”"]);
    assert_ne!(speaker_of(&qs, "go ahead"), Some("Saturday"));
    let qs = segmented(&["“The march will go ahead as planned,” said Saturday."]);
    assert_eq!(speaker_of(&qs, "go ahead"), None);
    let qs = segmented(&["On Saturday, Mayor Ann Cole said “the march will go ahead as planned.”"]);
    assert_eq!(speaker_of(&qs, "go ahead"), Some("Ann Cole"));
}

// ---- the addressee or the object is not the speaker ----

#[test]
fn the_person_told_is_not_the_speaker() {
    let qs = segmented(&[
        "The militant in the video tells US President Barack Obama: “Our knife will continue to strike your people.”",
    ]);
    assert_eq!(speaker_of(&qs, "Our knife"), Some("the militant"));
    let qs = segmented(&[
        "In the video, a voice tells President Barack Obama: “Our knife will continue to strike your people.”",
    ]);
    assert_ne!(speaker_of(&qs, "Our knife"), Some("Barack Obama"));
    let qs = segmented(&[
        "Senator Jon Tester told Senator David Vitter: “You will lose this vote tomorrow.”",
    ]);
    assert_eq!(speaker_of(&qs, "lose this vote"), Some("Jon Tester"));
}

#[test]
fn the_person_asked_is_not_the_speaker() {
    let qs = segmented(&[
        "Mayor Ann Cole met the governor on Monday. A reporter asked her: “Will you run for a second term next year?”",
    ]);
    assert_eq!(speaker_of(&qs, "second term"), Some("a reporter"));
    let qs = segmented(&["Then somebody asked her: “Will you run for a second term next year?”"]);
    assert_eq!(speaker_of(&qs, "second term"), None);
}

#[test]
fn a_name_after_a_preposition_is_not_the_speaker() {
    let qs = segmented(&[
        "After a meeting with Putin, the senator said “the talks went better than anyone expected.”",
    ]);
    assert_eq!(speaker_of(&qs, "talks went"), Some("the senator"));
    let qs = segmented(&[
        "After a meeting with Putin came the words “the talks went better than expected.”",
    ]);
    assert_eq!(speaker_of(&qs, "talks went"), None);
}

// ---- a continuation takes the previous speaker only when no one else speaks ----

#[test]
fn a_continuation_does_not_cross_another_speaker() {
    let qs = segmented(&[
        "Senator Jon Tester said the bill was dead. “We tried everything we could think of,” Tester said.",
        "“Why would anyone vote for this bill now?” Senator David Vitter demanded.",
    ]);
    assert_eq!(speaker_of(&qs, "Why would anyone"), Some("David Vitter"));
    let qs = segmented(&[
        "“We tried everything we could think of,” Senator Jon Tester said.",
        "“Why would anyone vote for this bill now?” Senator David Vitter shot back.",
    ]);
    assert_eq!(speaker_of(&qs, "Why would anyone"), None);
}

#[test]
fn a_continuation_keeps_the_speaker_after_a_long_attribution() {
    let qs = segmented(&[
        "“They are not afraid of anything,” Gérard Bénézat, the store's insurer, told France Info. “It has become almost routine for these gangs.”",
    ]);
    assert_eq!(speaker_of(&qs, "not afraid"), Some("Gérard Bénézat"));
    assert_eq!(speaker_of(&qs, "almost routine"), Some("Gérard Bénézat"));
    let qs = segmented(&[
        "“We will win this race,” said Clinton's communications director, Jennifer Palmieri. “The polls are with us.”",
    ]);
    assert_eq!(
        speaker_of(&qs, "polls are with us"),
        Some("Jennifer Palmieri")
    );
}

// ---- speech verbs beyond the common ones ----

#[test]
fn unusual_speech_verbs_are_read() {
    let qs = segmented(&[
        "Hillary Clinton spoke first. Donald Trump boasted, “That makes me smart, very smart.”",
    ]);
    assert_eq!(speaker_of(&qs, "makes me smart"), Some("Donald Trump"));
    let qs = segmented(&["Senator Ann Cole lamented, “Nobody listens to the farmers any more.”"]);
    assert_eq!(speaker_of(&qs, "Nobody listens"), Some("Ann Cole"));
    let qs =
        segmented(&["Governor Mike Pence acknowledges: “We made mistakes in the first week.”"]);
    assert_eq!(speaker_of(&qs, "made mistakes"), Some("Mike Pence"));
    // Not a speech verb: the name before it does not speak.
    let qs = segmented(&[
        "Hillary Clinton spoke first. “That makes me smart, very smart,” Donald Trump shrugged.",
    ]);
    assert_eq!(speaker_of(&qs, "makes me smart"), None);
}

// ---- possessors, appositives and names inside the quotation ----

#[test]
fn a_possessor_is_not_the_speaker() {
    let qs = segmented(&[
        "Bill Clinton spoke in Ohio. “We will win this race,” said Clinton's communications director, Jennifer Palmieri.",
    ]);
    assert_eq!(speaker_of(&qs, "win this race"), Some("Jennifer Palmieri"));
    let qs = segmented(&[
        "Bill Clinton spoke in Ohio. “We will win this race,” said Clinton's communications director.",
    ]);
    assert_eq!(
        speaker_of(&qs, "win this race"),
        Some("Clinton's communications director")
    );
}

#[test]
fn a_name_inside_the_quotation_is_not_the_speaker() {
    let qs = segmented(&[
        "“President Obama has said that he is determined to stop Iran,” Netanyahu said.",
    ]);
    assert_eq!(speaker_of(&qs, "determined to stop"), Some("Netanyahu"));
    let qs = segmented(&[
        "Prime Minister Benjamin Netanyahu spoke to Congress. “President Obama has said that he is determined to stop Iran,” he said.",
    ]);
    assert_eq!(
        speaker_of(&qs, "determined to stop"),
        Some("Benjamin Netanyahu")
    );
}

// ---- the medium is not the speaker ----

#[test]
fn a_statement_speaks_for_its_author_or_no_one() {
    let qs = segmented(&["A statement said: “The company will appeal the ruling in every court.”"]);
    assert_eq!(speaker_of(&qs, "appeal the ruling"), None);
    let qs = segmented(&["“The company will appeal the ruling in every court,” a statement said."]);
    assert_eq!(speaker_of(&qs, "appeal the ruling"), None);
    let qs = segmented(&[
        "“The company will appeal the ruling in every court,” a statement from Acme Mining Corp said.",
    ]);
    assert_eq!(
        speaker_of(&qs, "appeal the ruling"),
        Some("Acme Mining Corp")
    );
    let qs = segmented(&[
        "“We will appeal the ruling in every court,” the company said in a statement.",
    ]);
    assert_eq!(speaker_of(&qs, "appeal the ruling"), Some("the company"));
    let qs =
        segmented(&["In a tweet, Donald Trump wrote: “The ruling is a disgrace to the courts.”"]);
    assert_eq!(speaker_of(&qs, "disgrace"), Some("Donald Trump"));
}

#[test]
fn a_dash_byline_signs_the_quotation() {
    let qs = segmented(&["“It's about me.” ― Hillary Clinton"]);
    assert_eq!(speaker_of(&qs, "about me"), Some("Hillary Clinton"));
    let qs = segmented(&["“It's about me.” ― and nobody else, it seems."]);
    assert_eq!(speaker_of(&qs, "about me"), None);
}

// ---- an organisation only when the text makes it the speaker ----

#[test]
fn a_host_speaks_not_the_network() {
    let qs =
        segmented(&["“That was the worst debate I have seen,” said MSNBC host Chris Matthews."]);
    assert_eq!(speaker_of(&qs, "worst debate"), Some("Chris Matthews"));
    let qs = segmented(&["“That was the worst debate anyone has seen,” the Trump campaign said."]);
    assert_eq!(speaker_of(&qs, "worst debate"), Some("the Trump campaign"));
}

// ---- short quotations and scare quotes ----

#[test]
fn a_short_sentence_is_a_quotation_and_a_scare_quote_is_not() {
    let qs = segmented(&["Ann Cole shook her head. “It's about me.”"]);
    assert!(qs.iter().any(|q| q.text.contains("about me")));
    let qs = segmented(&["Critics called the plan a “disaster” and a “mess” from the start."]);
    assert!(qs.is_empty(), "{qs:?}");
}

// ---- people the story names, for pronouns ----

#[test]
fn a_pronoun_finds_a_person_named_after_a_role() {
    let qs = segmented(&[
        "President Susilo Bambang Yudhoyono toured the area. The dead were counted, said local hospital director Hengky Tewu. “Our ambulances are picking up two more,” he said.",
    ]);
    assert_eq!(speaker_of(&qs, "ambulances"), Some("Hengky Tewu"));
    // Two people in subject position: no one.
    let qs = segmented(&[
        "Hengky Tewu and Bagus Ekodanto visited the hospital on Monday. “Our ambulances are picking up two more,” he said.",
    ]);
    assert_eq!(speaker_of(&qs, "ambulances"), None);
    // A thing named after an article is not a person.
    let qs = segmented(&[
        "Athletic director Gene Smith said the allegations in the NCAA report were minor. “What you see is what they found,” he said.",
        "The NCAA said it would not comment.",
    ]);
    assert_eq!(speaker_of(&qs, "what they found"), Some("Gene Smith"));
}

#[test]
fn a_title_of_an_office_before_the_name() {
    let qs = segmented(&[
        "“The rule strengthens the regulations,” said Secretary of the Interior Dirk Kempthorne.",
    ]);
    assert_eq!(speaker_of(&qs, "strengthens"), Some("Dirk Kempthorne"));
    let qs = segmented(&["“You try to put it out of your mind,” said Ms. Davis's sister Crystal."]);
    assert_eq!(speaker_of(&qs, "out of your mind"), Some("Crystal"));
    // The same with the apostrophe spaced, as some sources write it.
    let qs = segmented(&[
        "“You try to put it out of your mind,” said Ms. Davis \u{2019} s sister Crystal.",
    ]);
    assert_eq!(speaker_of(&qs, "out of your mind"), Some("Crystal"));
    let qs =
        segmented(&["“You try to put it out of your mind,” said Ms. Davis \u{2019} s sister."]);
    assert_eq!(
        speaker_of(&qs, "out of your mind"),
        Some("Ms. Davis ’ s sister")
    );
}

#[test]
fn a_lower_case_possessor_before_a_titled_name() {
    let qs = segmented(&[
        "“The deputy was hit twice,” said sheriff's Sgt. Ana Lima.",
        "A caller reported the shooting, said sheriff ’ s Sgt. Ana Lima. “Our units found a deputy with gunshot wounds.”",
    ]);
    assert_eq!(speaker_of(&qs, "hit twice"), Some("Ana Lima"));
    assert_eq!(speaker_of(&qs, "Our units"), Some("Ana Lima"));
    // And for a pronoun after it.
    let qs = segmented(&[
        "A caller reported the shooting, said sheriff's Sgt. Ana Lima. “Our units found a deputy with gunshot wounds,” she said.",
    ]);
    assert_eq!(speaker_of(&qs, "Our units"), Some("Ana Lima"));
    let qs = segmented(&[
        "Reporters gathered at the sheriff's Lakewood Station. “Our units found a deputy with gunshot wounds,” she said.",
    ]);
    assert_eq!(speaker_of(&qs, "Our units"), None);
    // No title after the possessor: an office, not a person.
    let qs = segmented(&["“The deputy was hit twice,” said sheriff's Department officials."]);
    let who = speaker_of(&qs, "hit twice");
    assert!(who.is_none_or(|w| !w.starts_with("Department")), "{who:?}");
}

// ---- the sentence before, and verbs joined by "and" ----

#[test]
fn a_verb_after_and_shares_the_subject_of_the_sentence() {
    let qs = segmented(&[
        "Spokesman Jason Lyons said the inmate used a wheelchair, that he \"claimed it was necessary\" and added, \"Since he fled on foot, that is obviously in question.\"",
    ]);
    assert_eq!(speaker_of(&qs, "fled on foot"), Some("Jason Lyons"));
    // No subject anywhere before: no one.
    let qs = segmented(&[
        "The wheelchair was \"necessary for his mobility\" and added, \"Since he fled on foot, that is obviously in question.\"",
    ]);
    assert_eq!(speaker_of(&qs, "fled on foot"), None);
}

#[test]
fn quoted_words_of_the_sentence_before_never_attribute() {
    // "stay" inside the first quotation is no speech verb of the sentence.
    let qs = segmented(&[
        "“Please stay out of our community, you will only agitate our kids,” Councilman Jumaane Williams fumed. “It is dangerous and counterproductive.”",
    ]);
    assert_ne!(speaker_of(&qs, "dangerous"), Some("Please"));
    let qs = segmented(&[
        "Msgr. Michael Farmer praised her work. He said the doctor had made a \"concrete decision\" to stay. “She is noted not only for clinic work, but for visiting homes.”",
    ]);
    assert_eq!(speaker_of(&qs, "clinic work"), Some("Michael Farmer"));
}

#[test]
fn a_name_after_said_before_a_second_quotation() {
    let qs = segmented(&["“We will rebuild,” said Mayor Ann Cole, “and we will start on Monday.”"]);
    assert_eq!(speaker_of(&qs, "start on Monday"), Some("Ann Cole"));
}

// ---- a pronoun after an unknown subject names no one ----

#[test]
fn a_pronoun_after_an_unknown_speaker_names_no_one() {
    let qs = segmented(&[
        "Chargers General Manager A.J. Smith said he was aware of the case. Jackson, in a statement released through the team, said he was sorry. “I made a mistake and I regret it,” he said.",
    ]);
    assert_eq!(speaker_of(&qs, "made a mistake"), None);
    // A person the story knows is still found over the insert.
    let qs = segmented(&[
        "Chargers General Manager A.J. Smith said he was aware of the case. Sen. Ana Ruiz, in a statement, said she was sorry. “I made a mistake and I regret it,” she said.",
    ]);
    assert_eq!(speaker_of(&qs, "made a mistake"), Some("Ana Ruiz"));
    // An unknown name that says nothing does not block.
    let qs = segmented(&[
        "Coach Tom Reyes praised the team. Denver lost again. “We played as well as we could,” he said.",
    ]);
    assert_eq!(speaker_of(&qs, "played as well"), Some("Tom Reyes"));
    // A news agency credited at the end of the sentence does not block.
    let qs = segmented(&[
        "Mehdi Zareh, director of the seismological center, dismissed concerns of a tsunami, IRNA reported. “The Gulf is not deep enough for that,” he was quoted as saying.",
    ]);
    assert_eq!(speaker_of(&qs, "not deep enough"), Some("Mehdi Zareh"));
}

// ---- a role noun before a name is part of the title ----

#[test]
fn a_role_before_a_name_is_not_part_of_it() {
    let qs = segmented(&[
        "“He was aware of the problem for a long time,” said Chargers General Manager A.J. Smith.",
    ]);
    assert_eq!(speaker_of(&qs, "aware of the problem"), Some("A.J. Smith"));
    let qs = segmented(&["“We will win this fight in the end,” said Pastor Rick Warren."]);
    assert_eq!(speaker_of(&qs, "win this fight"), Some("Rick Warren"));
    // Two words, or an initial after it: the whole is the name.
    let qs = segmented(&["“We will win this fight in the end,” said Porter Goss."]);
    assert_eq!(speaker_of(&qs, "win this fight"), Some("Porter Goss"));
    let qs = segmented(&["“We will win this fight in the end,” said Hunter S. Thompson."]);
    assert_eq!(
        speaker_of(&qs, "win this fight"),
        Some("Hunter S. Thompson")
    );
}

// ---- a number is not a role ----

#[test]
fn an_age_is_not_a_role() {
    let qs = segmented(&[
        "“I actually have goosebumps just thinking about this,” said the 29-year-old on the eve of the open.",
    ]);
    assert_eq!(speaker_of(&qs, "goosebumps"), None);
    let qs = segmented(&[
        "The 29-year-old said: “I actually have goosebumps just thinking about this.”",
    ]);
    assert_eq!(speaker_of(&qs, "goosebumps"), None);
    let qs = segmented(&[
        "“I actually have goosebumps just thinking about this,” said the veteran coach.",
    ]);
    assert_eq!(speaker_of(&qs, "goosebumps"), Some("the veteran coach"));
}

// ---- a continuation outranks a clause of the previous attribution ----

#[test]
fn a_continuation_outranks_the_clause_between() {
    let qs = segmented(&[
        "“My client is settled in that facility right now,” Heller argued after a prosecutor objected to the choice. “She is in rehab right now. Nothing bad is going to happen.”",
    ]);
    assert_eq!(speaker_of(&qs, "Nothing bad"), Some("Heller"));
    // Another person named as a subject in between: the sentence before
    // speaks.
    let qs = segmented(&[
        "“We will appeal the ruling,” Heller said. Prosecutor Ana Ruiz objected to the motion. “This is not over yet for anyone here.”",
    ]);
    assert_eq!(speaker_of(&qs, "not over yet"), Some("Ana Ruiz"));
}

// ---- an inverted attribution in the sentence before ----

#[test]
fn an_inverted_said_in_the_sentence_before_names_the_speaker() {
    let qs = segmented(&[
        "Any acquisition raises the issue of jobs, said Warren, but the firm would be wise to wait. “There is a strong chance the unit will keep its autonomy.”",
    ]);
    assert_eq!(speaker_of(&qs, "strong chance"), Some("Warren"));
    // No name after the inverted verb: no speaker.
    let qs = segmented(&[
        "Any acquisition raises the issue of jobs, said to be at stake, but the firm would be wise to wait. “There is a strong chance the unit will keep its autonomy.”",
    ]);
    assert_eq!(speaker_of(&qs, "strong chance"), None);
    // A sentence opener after the verb is no one.
    let qs = segmented(&[
        "The damage was wide, said Despite the cold, crews kept at it. “We are working as fast as we can on every line.”",
    ]);
    assert_eq!(speaker_of(&qs, "fast as we can"), None);
    let qs = segmented(&[
        "The damage was wide, said the President, and crews kept at it. “We are working as fast as we can on every line.”",
    ]);
    assert_eq!(speaker_of(&qs, "fast as we can"), Some("the President"));
}

// ---- one-word names after a role, authors named as modifiers ----

#[test]
fn a_one_word_name_after_a_role_speaks_when_the_verb_follows() {
    let qs =
        segmented(&["“It keeps on shaking all the time,” Papua BMG spokesman Mujahidin said."]);
    assert_eq!(speaker_of(&qs, "keeps on shaking"), Some("Mujahidin"));
    // Not followed by the verb: the name may be anything.
    let qs = segmented(&[
        "“It keeps on shaking all the time,” Papua BMG spokesman Mujahidin and others said.",
    ]);
    assert_ne!(speaker_of(&qs, "keeps on shaking"), Some("Mujahidin"));
}

#[test]
fn a_medium_speaks_for_the_author_named_before_it() {
    let qs = segmented(&[
        "The AMD statement said, “We can not speculate on the merger for another 90 days.”",
    ]);
    assert_eq!(speaker_of(&qs, "can not speculate"), Some("AMD"));
    let qs = segmented(&[
        "The Friday statement said, “We can not speculate on the merger for another 90 days.”",
    ]);
    assert_eq!(speaker_of(&qs, "can not speculate"), None);
    let qs =
        segmented(&["A statement said, “We can not speculate on the merger for another 90 days.”"]);
    assert_eq!(speaker_of(&qs, "can not speculate"), None);
}

// ---- an unresolved pronoun subject is not an earlier name ----

#[test]
fn it_or_they_as_the_subject_names_no_one() {
    let qs = segmented(&[
        "Where Olson learned of it is not explained in the indictment, but it says she devised a scheme “to conceal the true nature of the finances.”",
    ]);
    assert_eq!(speaker_of(&qs, "conceal the true nature"), None);
    let qs = segmented(&[
        "Sen. Ana Ruiz met the families. They said “the town will never be the same again.”",
    ]);
    assert_eq!(speaker_of(&qs, "never be the same"), None);
    // The name right before the verb still speaks.
    let qs = segmented(&[
        "Where it went is not explained, but Olson says she devised a plan “to conceal the true nature of the finances.”",
    ]);
    assert_eq!(speaker_of(&qs, "conceal the true nature"), Some("Olson"));
}

// ---- two attributions of one quotation that disagree ----

#[test]
fn a_quotation_attributed_twice_to_different_speakers_names_no_one() {
    let qs = segmented(&[
        "A gang member has confessed but insisted he “did not mean to shoot the ladies,” sources tell the Daily News.",
    ]);
    assert_eq!(speaker_of(&qs, "did not mean"), None);
    // The words before are not the verb's content: the words after speak.
    let qs = segmented(&["Critics call the plan “a waste of public money,” Sen. Ana Ruiz said."]);
    assert_eq!(speaker_of(&qs, "waste of public"), Some("Ana Ruiz"));
    // Both name one person: that person.
    let qs = segmented(&[
        "Sen. Ana Ruiz said that “the bill will not pass this year,” Ruiz told reporters.",
    ]);
    assert_eq!(speaker_of(&qs, "will not pass"), Some("Ana Ruiz"));
}

// ---- verbs that report speech only after the quotation ----

#[test]
fn a_verb_of_communication_after_the_quotation_reports_it() {
    let qs = segmented(&[
        "“He should be remembered for who he was, a kind young man,” Willoughby's letter continued.",
    ]);
    assert_eq!(speaker_of(&qs, "kind young man"), Some("Willoughby"));
    let qs = segmented(&[
        "Coach Phil Ford spoke last. “And now, this young man here,” he continued, looking at the player.",
    ]);
    assert_eq!(speaker_of(&qs, "this young man"), Some("Phil Ford"));
    // Not a verb of communication ("shrugged" is a verb of the body), or
    // not closing the clause ("continued to play"): no speaker.
    let qs = segmented(&["“That makes me smart, very smart,” Donald Trump shrugged."]);
    assert_eq!(speaker_of(&qs, "makes me smart"), None);
    let qs = segmented(&["“That makes me smart, very smart,” Donald Trump continued to play."]);
    assert_eq!(speaker_of(&qs, "makes me smart"), None);
}

// ---- an appositive between the subject and its verb ----

#[test]
fn a_subject_set_off_by_an_appositive_speaks() {
    let qs = segmented(&[
        "Tiffany Ornelas, NP's Yida Team Leader, reported that “people were terrified; they were running and screaming in all directions”. However, there were no casualties.",
    ]);
    assert_eq!(speaker_of(&qs, "terrified"), Some("Tiffany Ornelas"));
    // The appositive must end right before the verb, and a date is no one.
    let qs = segmented(&[
        "Tiffany Ornelas, NP's Yida Team Leader, left and the guards reported that “people were terrified; they were running in all directions”.",
    ]);
    assert_ne!(speaker_of(&qs, "terrified"), Some("Tiffany Ornelas"));
    let qs = segmented(&[
        "Saturday, the day of the vote, reported that “people were terrified; they were running in all directions”.",
    ]);
    assert_eq!(speaker_of(&qs, "terrified"), None);
}

// ---- the object of an earlier verb is not the subject of a later one ----

#[test]
fn a_known_person_as_object_is_not_the_speaker() {
    // Robyn Mendes is known (two words) but is the object of "beating".
    let qs = segmented(&[
        "In 2005, Gomes was convicted of beating Robyn Mendes, holding a knife to her throat, and telling her, “you're never going to leave me,” according to court records.",
    ]);
    assert_ne!(speaker_of(&qs, "never going"), Some("Robyn Mendes"));
    // The same known person in subject position still speaks.
    let qs = segmented(&[
        "Robyn Mendes, who had left the house, later told police, “he said he would never let me go.”",
    ]);
    assert_eq!(speaker_of(&qs, "never let me"), Some("Robyn Mendes"));
}

// ---- passive speech verbs: the subject is what was spoken about ----

#[test]
fn the_subject_of_a_passive_speech_verb_is_not_the_speaker() {
    let qs = segmented(&[
        "Frederick LaRue came to Washington in 1969 and was described in a 1972 profile as a “Faulknerian character who passionately sought anonymity.”",
    ]);
    assert_eq!(speaker_of(&qs, "Faulknerian"), None);
    // With an agent after "by", the agent is the speaker.
    let qs = segmented(&[
        "For the man described by Ana Lima as “the last great boss of the century in this city,” it was the end.",
    ]);
    assert_eq!(speaker_of(&qs, "last great"), Some("Ana Lima"));
    // Active voice: the subject speaks.
    let qs = segmented(&[
        "Fire chief James Steele described the fire as “suspicious and as potential arson at this point.”",
    ]);
    assert_eq!(speaker_of(&qs, "potential arson"), Some("James Steele"));
}

// ---- a pronoun before and another speaker after: unclear ----

#[test]
fn a_pronoun_content_and_a_source_after_disagree() {
    let qs = segmented(&[
        "Andrew Lopez confessed to the killing but insisted he “did not mean to shoot the ladies,” sources tell the New York Daily News.",
    ]);
    assert_ne!(speaker_of(&qs, "did not mean"), Some("sources"));
    // The same pronoun with nothing after it: its subject.
    let qs = segmented(&[
        "Andrew Lopez confessed to the killing but insisted he “did not mean to shoot the ladies.”",
    ]);
    assert_eq!(speaker_of(&qs, "did not mean"), Some("Andrew Lopez"));
}

// ---- the object of a coordinated clause is not the speaker ----

#[test]
fn the_object_before_and_is_not_the_speaker() {
    let qs = segmented(&[
        "The crowd cheered the retiring mayor and chanted: \u{201C}Four more years for all of us here.\u{201D}",
    ]);
    assert_ne!(
        speaker_of(&qs, "Four more years"),
        Some("the retiring mayor")
    );
    let qs = segmented(&[
        "The striker hugged Coach Dan Moyes and said, \u{201C}We will win the league next season.\u{201D}",
    ]);
    assert_ne!(speaker_of(&qs, "win the league"), Some("Dan Moyes"));
    let qs = segmented(&[
        "Mayor Ann Cole smiled and said, \u{201C}The bridge will open again in the spring.\u{201D}",
    ]);
    assert_eq!(speaker_of(&qs, "bridge will open"), Some("Ann Cole"));
}

// ---- a sentence whose speech verb already has its content ----

#[test]
fn a_vow_to_act_does_not_introduce_the_next_quotation() {
    // A quotation standing alone after "vowed to increase …": the vow is
    // reported in full, the quotation (a pull quote) is someone else's.
    let qs = segmented(&[
        "Governor Ann Cole rolled back the old rules and vowed to increase investment in schools. \u{201C}Nothing will change for us in this village, believe me.\u{201D}",
    ]);
    assert_eq!(speaker_of(&qs, "Nothing will change"), None);
    // "the decrees" is a noun: it introduces nothing either.
    let qs = segmented(&[
        "Governor Ann Cole rolled back the decrees of her predecessor. \u{201C}Nothing will change for us in this village, believe me.\u{201D}",
    ]);
    assert_eq!(speaker_of(&qs, "Nothing will change"), None);
    // A speech verb with a listener after "to" still introduces it.
    let qs = segmented(&[
        "Governor Ann Cole spoke to reporters on Monday. \u{201C}Nothing will change for the schools this year, believe me.\u{201D}",
    ]);
    assert_eq!(speaker_of(&qs, "Nothing will change"), Some("Ann Cole"));
    let qs = segmented(&[
        "Governor Ann Cole wrote to the council on Monday. \u{201C}Nothing will change for the schools this year, believe me.\u{201D}",
    ]);
    assert_eq!(speaker_of(&qs, "Nothing will change"), Some("Ann Cole"));
}

// ---- a pronoun after a one-word name the story does not know ----

#[test]
fn a_pronoun_after_an_unknown_single_name_is_no_one() {
    // "she" means Guzel, who is no person the story knows by a full name:
    // never the official named before her.
    let qs = segmented(&[
        "\u{201C}We hope for better times,\u{201D} Valentina Redzhepova, an official at one precinct, told reporters. In Gyami, a village outside the capital, 25-year-old Guzel said she had come to vote. \u{201C}I voted for our fellow village resident, he knows village life,\u{201D} she said.",
    ]);
    assert_eq!(speaker_of(&qs, "fellow village"), None);
    // A full name in the same place is the one she means.
    let qs = segmented(&[
        "\u{201C}We hope for better times,\u{201D} Valentina Redzhepova, an official at one precinct, told reporters. In Gyami, a village outside the capital, teacher Guzel Amanova said she had come to vote. \u{201C}I voted for our fellow village resident, he knows village life,\u{201D} she said.",
    ]);
    assert_eq!(speaker_of(&qs, "fellow village"), Some("Guzel Amanova"));
}

// ---- a pronoun after a role in subject position is no one ----

#[test]
fn a_pronoun_after_a_role_subject_is_no_one() {
    // "he" most likely means the analyst, who has no name: not the
    // person named before him, but that role (session 27).
    let qs = segmented(&[
        "Vice president John Cole announced the new laptop battery on Tuesday. However, one analyst from the show floor was sceptical of the claims. \u{201C}For some of us it might only last two or three years,\u{201D} he said.",
    ]);
    assert_eq!(speaker_of(&qs, "two or three years"), Some("one analyst"));
    // A role after a preposition is no subject: "he" is still John Cole.
    let qs = segmented(&[
        "Vice president John Cole announced the new laptop battery on Tuesday to the customers. \u{201C}It will last five years for almost everybody,\u{201D} he said.",
    ]);
    assert_eq!(speaker_of(&qs, "five years"), Some("John Cole"));
}

// ---- a lone surname as subject of a speech verb ----

#[test]
fn a_pronoun_after_a_lone_surname_takes_the_stories_one_full_name() {
    // "Vincent Jackson" is named without a title, then "Jackson" speaks:
    // the "he" after it is Vincent Jackson.
    let qs = segmented(&[
        "Wide receiver Vincent Jackson was arrested on Monday. Jackson, in a statement released through the team, said he was sorry. \u{201C}I look forward to clearing my name and proving my innocence,\u{201D} he said.",
    ]);
    assert_eq!(speaker_of(&qs, "clearing my name"), Some("Vincent Jackson"));
    // Two people of that surname: no one.
    let qs = segmented(&[
        "Vincent Jackson and Darnell Jackson were arrested on Monday. Jackson, in a statement released through the team, said he was sorry. \u{201C}I look forward to clearing my name and proving my innocence,\u{201D} he said.",
    ]);
    assert_eq!(speaker_of(&qs, "clearing my name"), None);
    // "The Angeles" is a word after an article, not a surname of "Los Angeles".
    let qs = segmented(&[
        "Los Angeles made an offer last week. The Angeles said they would wait for an answer. \u{201C}We all have limits in this business,\u{201D} he wrote.",
    ]);
    assert_eq!(speaker_of(&qs, "We all have limits"), None);
}

#[test]
fn a_pronoun_after_an_unknown_single_name_as_subject_of_be() {
    // "Carson is considered …": the "he" after it is Carson, not the host
    // named before; with the story's one "Johnny Carson", him.
    let qs = segmented(&[
        "Host Jon Stewart was funny in 2006. Viewers loved Johnny Carson. Carson is considered the best host ever. \u{201C}I see some new faces here, especially on the old ones,\u{201D} he joked.",
    ]);
    assert_eq!(speaker_of(&qs, "new faces"), Some("Johnny Carson"));
    let qs = segmented(&[
        "Host Jon Stewart was funny in 2006. Carson is considered the best host ever. \u{201C}I see some new faces here, especially on the old ones,\u{201D} he joked.",
    ]);
    assert_eq!(speaker_of(&qs, "new faces"), None);
    // A known person in that place is simply the one meant.
    let qs = segmented(&[
        "Senator Jon Stewart was funny in 2006. Stewart is considered the best host ever. \u{201C}I see some new faces here, especially on the old ones,\u{201D} he joked.",
    ]);
    assert_eq!(speaker_of(&qs, "new faces"), Some("Jon Stewart"));
}

// ---- "says one", "the 29-year-old": someone the text named before ----

#[test]
fn one_is_one_of_the_role_just_named() {
    let qs = segmented(&[
        "Sources close to the studio are betting that the director will return. “It will be difficult, but everybody will work it out,” says one.",
    ]);
    assert_eq!(speaker_of(&qs, "work it out"), Some("a source"));
    let qs = segmented(&[
        "Police were called by residents on Saturday. One said: “I heard screaming in the early hours of the morning.”",
    ]);
    assert_eq!(speaker_of(&qs, "heard screaming"), Some("a resident"));
    // Two roles there, or none: no one.
    let qs = segmented(&[
        "Officials and witnesses disagree about the fire. “It started in the kitchen after midnight,” says one.",
    ]);
    assert_eq!(speaker_of(&qs, "kitchen"), None);
    let qs = segmented(&[
        "The studio is betting that the director will return. “It will be difficult, but everybody will work it out,” says one.",
    ]);
    assert_eq!(speaker_of(&qs, "work it out"), None);
    // Roles named further back do not count.
    let qs = segmented(&[
        "Sources close to the studio talked. The weather was mild. The talks went on. “It will be difficult, but everybody will work it out,” says one.",
    ]);
    assert_eq!(speaker_of(&qs, "work it out"), None);
}

#[test]
fn the_age_noun_is_the_person_of_that_age() {
    let qs = segmented(&[
        "Masters champion Trevor Immelman has become an honorary member of the tour. “I actually have goosebumps just thinking about this,” said the 29-year-old.",
    ]);
    assert_eq!(speaker_of(&qs, "goosebumps"), Some("Trevor Immelman"));
    let qs = segmented(&[
        "Ana Lima, 29, and her brother Carlos Lima, 34, met the mayor Jon Reyes on Monday.",
        "“We will not give up on this house,” the 29-year-old said.",
    ]);
    assert_eq!(speaker_of(&qs, "give up"), Some("Ana Lima"));
    // No age given: the one subject just named, as for a pronoun.
    let qs = segmented(&[
        "Coach Tom Ruiz praised striker Ana Lima after the match on Sunday.",
        "“It was the best game of my life,” said the 29-year-old.",
    ]);
    assert_eq!(speaker_of(&qs, "best game"), Some("Tom Ruiz"));
    // Two subjects just named, or two people of that age: no one.
    let qs = segmented(&[
        "Coach Tom Ruiz and striker Ana Lima praised the fans after the match.",
        "“It was the best game of my life,” said the 29-year-old.",
    ]);
    assert_eq!(speaker_of(&qs, "best game"), None);
    let qs = segmented(&[
        "Ana Lima, 29, and Carlos Lima, 29, met the mayor Jon Reyes on Monday.",
        "“We will not give up on this house,” the 29-year-old said.",
    ]);
    assert_eq!(speaker_of(&qs, "give up"), None);
}

// ---- an attribution closing the sentence of a partial quotation ----

#[test]
fn an_attribution_closing_the_sentence_speaks_for_its_partial_quotation() {
    let qs = segmented(&[
        "The failures cut the flow of \"data of various kinds\" between Europe and Asia, and no repair date is set, said Sanjeev Gaur, a director at the firm.",
    ]);
    assert_eq!(speaker_of(&qs, "various kinds"), Some("Sanjeev Gaur"));
    let qs = segmented(&[
        "\"We heard pop, pop, pop,\" smelled gunpowder and heard co-workers yelling, said Jean Larson, a staff accountant.",
    ]);
    assert_eq!(speaker_of(&qs, "pop, pop"), Some("Jean Larson"));
    // Speech reported before the quotation, or in between: not the
    // closing speaker.
    let qs = segmented(&[
        "It was described as \"a giveaway to donors\" that would cost the state billions of dollars over the next decade, and the vote on Monday was close, Jones said.",
    ]);
    assert_ne!(speaker_of(&qs, "giveaway"), Some("Jones"));
    let qs = segmented(&[
        "The deal was \"a giveaway to donors\" that would cost the state billions of dollars over the next decade as the critics had long argued, and it passed anyway, Jones said.",
    ]);
    assert_ne!(speaker_of(&qs, "giveaway"), Some("Jones"));
    // The attribution right after the mark is not searched for inner
    // commas: the person told is not the speaker.
    let qs = segmented(&[
        "\"He has the integrity and the ability,\" Harold Child Jr., legal attache to the embassy, told Nixon in a letter.",
    ]);
    assert_ne!(speaker_of(&qs, "integrity"), Some("Nixon"));
    // A relative clause is not part of the role ("familiar" is a role
    // noun too); "the Democrat" has no role noun for a head: no one.
    let qs = segmented(&[
        "Gupta has been \"the team's first choice\" for the job, which would make him the top doctor, said the Democrat who is familiar with the talks.",
    ]);
    assert_eq!(speaker_of(&qs, "first choice"), None);
    let qs = segmented(&["\"It was chaos,\" said the officer who is in charge of the unit."]);
    assert_eq!(speaker_of(&qs, "chaos"), Some("the officer"));
    // A medium is not a speaker.
    let qs = segmented(&[
        "Page went through \"some mental instability and serious trouble\" and was eventually diagnosed, according to her bio.",
    ]);
    assert_eq!(speaker_of(&qs, "mental instability"), None);
}

// ---- two people speaking together ----

#[test]
fn two_people_speak_together() {
    let qs = segmented(&["“We are delighted to return,” said Ana Lima and Tom Reyes."]);
    assert_eq!(speaker_of(&qs, "delighted"), Some("Ana Lima and Tom Reyes"));
    let qs = segmented(&["“We are delighted to return,” Lima and Reyes said in a statement."]);
    assert_eq!(speaker_of(&qs, "delighted"), Some("Lima and Reyes"));
    let qs = segmented(&["On Friday, Ana Lima and Tom Reyes added: “We are delighted to return.”"]);
    assert_eq!(speaker_of(&qs, "delighted"), Some("Ana Lima and Tom Reyes"));
    // Not two speakers: a possessor's role, a role, a first name that is
    // the object of another verb.
    let qs = segmented(&["“We are delighted to return,” said Ana Lima and Tom Reyes's agent."]);
    assert_eq!(speaker_of(&qs, "delighted"), Some("Ana Lima"));
    let qs = segmented(&["“We are delighted to return,” said Ana Lima and her agent."]);
    assert_eq!(speaker_of(&qs, "delighted"), Some("Ana Lima"));
    let qs = segmented(&[
        "The board thanked Ana Lima and Tom Reyes said: “We are delighted to return.”",
    ]);
    assert_ne!(speaker_of(&qs, "delighted"), Some("Ana Lima and Tom Reyes"));
}

// ---- the clause after a quotation ----

#[test]
fn as_before_the_subject_of_a_speech_verb() {
    let qs = segmented(&["The bill is “a gift to the banks,” as critics argued on Monday."]);
    assert_eq!(speaker_of(&qs, "gift to the banks"), Some("critics"));
    let qs = segmented(&["“The bill is a gift to the banks,” as Senator Ana Lima said."]);
    assert_eq!(speaker_of(&qs, "gift to the banks"), Some("Ana Lima"));
    // No speech verb right after, or no person: no one.
    let qs = segmented(&["“I want you to know we forgive you,” as her family began to cry."]);
    assert_eq!(speaker_of(&qs, "forgive you"), None);
    let qs = segmented(&["“The bill is a gift to the banks,” as the vote showed on Monday."]);
    assert_eq!(speaker_of(&qs, "gift to the banks"), None);
}

#[test]
fn a_name_after_another_clause_is_not_the_speaker() {
    // The speaker of a clause of contrast after the quotation reports that
    // clause.
    let qs = segmented(&[
        "Critics called the deal “a gift to the banks” but it passed, Tom Reyes said.",
    ]);
    assert_ne!(speaker_of(&qs, "gift to the banks"), Some("Tom Reyes"));
    let qs = segmented(&[
        "Lima told the paper there was “no sign of fraud” while Tom Reyes, the former auditor, said it was early.",
    ]);
    assert_ne!(speaker_of(&qs, "no sign of fraud"), Some("Tom Reyes"));
    // The quotation's own clause going on to its attribution.
    let qs =
        segmented(&["The firm kept “a second set of books,” allegedly for years, Tom Reyes said."]);
    assert_eq!(speaker_of(&qs, "second set"), Some("Tom Reyes"));
    let qs =
        segmented(&["The pilot was “badly shaken” but helped the others out, Tom Reyes said."]);
    assert_eq!(speaker_of(&qs, "badly shaken"), Some("Tom Reyes"));
    let qs = segmented(&[
        "Officials weighed “two plans for the harbour” it is studying, the agency’s memo said.",
    ]);
    assert_ne!(speaker_of(&qs, "two plans"), Some("Officials"));
    let qs = segmented(&["“The vote was close,” board chair and treasurer Ana Lima said."]);
    assert_eq!(speaker_of(&qs, "vote was close"), Some("Ana Lima"));
}

#[test]
fn a_plural_role_opening_the_sentence_is_a_role() {
    let qs = segmented(&["Witnesses said “the car never slowed down.”"]);
    assert_eq!(speaker_of(&qs, "never slowed"), Some("witnesses"));
    // A singular may be a surname.
    let qs = segmented(&["Mayor Ana Baker spoke first. Baker said “the car never slowed down.”"]);
    assert_eq!(speaker_of(&qs, "never slowed"), Some("Ana Baker"));
}

#[test]
fn a_verb_after_a_role_noun_is_a_verb() {
    let qs = segmented(&["Kelly said a witness heard an officer yell, “Put the bag down now!”"]);
    assert_eq!(speaker_of(&qs, "bag down"), Some("an officer"));
    // After an adjective it is a noun: no speaker from it.
    let qs = segmented(&["Kelly heard a loud yell, “Put the bag down now!”"]);
    assert_ne!(speaker_of(&qs, "bag down"), Some("a loud"));
    // After a comma, the participle is the main clause's: not the role's.
    let qs = segmented(&["The old man hugged his lawyers, saying: “Thank you all so much.”"]);
    assert_ne!(speaker_of(&qs, "Thank you"), Some("his lawyers"));
}

#[test]
fn a_name_after_a_possessor_a_capitalised_modifier_and_a_role() {
    let qs =
        segmented(&["“The line went round the block,” said Lindgren's Bakery clerk Ana Lima."]);
    assert_eq!(speaker_of(&qs, "round the block"), Some("Ana Lima"));
    let qs =
        segmented(&["“The line went round the block,” the city's Parks director Tom Reyes said."]);
    assert_eq!(speaker_of(&qs, "round the block"), Some("Tom Reyes"));
    // No role noun, or no name right after it: no one (the possessor is
    // never the speaker).
    let qs = segmented(&["“The line went round the block,” said Lindgren's Bakery Ana Lima."]);
    assert_ne!(speaker_of(&qs, "round the block"), Some("Lindgren"));
    let qs = segmented(&["“The line went round the block,” said Lindgren's Bakery clerk."]);
    assert_eq!(speaker_of(&qs, "round the block"), None);
}

// ---- session 26: objects, relatives, offices, titles of works ----

#[test]
fn the_one_perceived_speaks_not_the_one_who_perceives() {
    // A verb of perception: its object is the speech verb's subject.
    let qs = segmented(&["Mayor Ann Cole heard a reporter shout: “Who paid for the new bridge?”"]);
    assert_eq!(speaker_of(&qs, "new bridge"), Some("a reporter"));
    // Its object names no one we can show: no one, never the hearer.
    let qs = segmented(&["Mayor Ann Cole heard people shout: “Who paid for the new bridge?”"]);
    assert_eq!(speaker_of(&qs, "new bridge"), None);
    let qs = segmented(&["Tom Reyes said he saw someone yell, “Get away from the doors now!”"]);
    assert_eq!(speaker_of(&qs, "away from the doors"), None);
    // Without a verb of perception the subject still speaks.
    let qs = segmented(&["Mayor Ann Cole stood up and shouted: “Who paid for the new bridge?”"]);
    assert_eq!(speaker_of(&qs, "new bridge"), Some("Ann Cole"));
}

#[test]
fn a_relative_pronoun_stands_for_the_phrase_before_it() {
    let qs = segmented(&[
        "The tariff drew a sharp reply from the Fisheries Council, which described it as “a blow to every harbour town.”",
    ]);
    assert_eq!(speaker_of(&qs, "every harbour"), Some("Fisheries Council"));
    let qs = segmented(&[
        "Port officials met Ana Lima, who told them the plan was “a blow to every harbour town.”",
    ]);
    assert_eq!(speaker_of(&qs, "every harbour"), Some("Ana Lima"));
    // A modifier opening the sentence is not the speaker; a place before
    // "which" is no one.
    let qs = segmented(&[
        "The Danish tariff drew a sharp reply from Bergen, which described it as “a blow to every harbour town.”",
    ]);
    assert_eq!(speaker_of(&qs, "every harbour"), None);
}

#[test]
fn an_inverted_subject_only_after_a_verb_opening_its_clause() {
    // "It" is the subject; the words after the verb are no speaker.
    let qs = segmented(&[
        "It added that unless the locks are repaired, “the next flood will reach the square.”",
    ]);
    assert_eq!(speaker_of(&qs, "next flood"), None);
    // Inverted after a comma: the name after the verb.
    let qs = segmented(&[
        "The main change between the old and the new plans, said Ana Lima: “We build fewer roads and more tram lines.”",
    ]);
    assert_eq!(speaker_of(&qs, "fewer roads"), Some("Ana Lima"));
    let qs = segmented(&["“We build fewer roads,” said Ana Lima, “and more tram lines.”"]);
    assert_eq!(speaker_of(&qs, "more tram lines"), Some("Ana Lima"));
}

#[test]
fn a_plural_after_a_bare_role_noun_is_a_compound_noun() {
    // "member states" is a noun: the object of "consulting", never a role
    // that speaks.
    let qs = segmented(&[
        "The agency was consulting EU member states “with a view to acting before the summer.”",
    ]);
    assert_eq!(speaker_of(&qs, "with a view"), None);
    // With a determiner of its own, the role noun is a subject.
    let qs = segmented(&["At the hearing a member states: “We will not vote for this budget.”"]);
    assert_eq!(speaker_of(&qs, "not vote"), Some("a member"));
}

#[test]
fn an_office_after_a_title_and_of_is_not_part_of_the_name() {
    let qs = segmented(&[
        "“My oversight was not good enough,” Minister of Transport Ana Lima told parliament.",
    ]);
    assert_eq!(speaker_of(&qs, "oversight"), Some("Ana Lima"));
    let qs = segmented(&[
        "Secretary of the Navy Tom J. Reyes said: “The ships will sail in the spring.”",
    ]);
    assert_eq!(speaker_of(&qs, "ships will sail"), Some("Tom J. Reyes"));
}

#[test]
fn a_title_set_off_after_a_noun_is_a_work_not_a_quotation() {
    let qs = segmented(&[
        "Lima wrote in her memoir, “Salt Roads,” that she “never wanted to leave the island at all.”",
    ]);
    assert!(qs.iter().all(|q| q.text != "Salt Roads"));
    // A short sentence said is still a quotation.
    let qs = segmented(&["Lima said, “Salt Roads,” and smiled."]);
    assert!(qs.iter().any(|q| q.text == "Salt Roads"));
}

#[test]
fn a_neighbour_is_a_role() {
    let qs = segmented(&[
        "Police were called by neighbours on Sunday. One said: “I heard a window break at two in the morning.”",
    ]);
    assert_eq!(speaker_of(&qs, "window break"), Some("a neighbour"));
    // Not when a role word ends a phrase after "between" and the verb
    // after the comma is inverted.
    let qs = segmented(&[
        "One difference between Lima and most neighbours, said Tom Reyes: “She always left the gate open.”",
    ]);
    assert_eq!(speaker_of(&qs, "gate open"), Some("Tom Reyes"));
}

#[test]
fn one_unnamed_person_blocks_an_earlier_name_for_a_pronoun() {
    let qs = segmented(&[
        "Ana Lima showed the new tram to the press. However, one rider from the suburbs was not convinced. “It is slower than the old bus,” he said.",
    ]);
    assert_eq!(speaker_of(&qs, "slower than"), None);
    // Named in the last sentence: that person.
    let qs = segmented(&[
        "However, one rider was not convinced. Mayor Tom Reyes showed the new tram to the press. “It is faster than the old bus,” he said.",
    ]);
    assert_eq!(speaker_of(&qs, "faster than"), Some("Tom Reyes"));
}

// ---- session 27 ----

#[test]
fn a_participle_after_a_comma_speaks_for_its_clause_subject() {
    // The subject opening the sentence, not the object before the comma.
    let qs = segmented(&[
        "Coach Tom Reyes benched the striker, saying, “He could sit out the final two games of the season.”",
    ]);
    assert_eq!(speaker_of(&qs, "sit out"), Some("Tom Reyes"));
    // After a finite speech verb: its subject, before or after it.
    let qs = segmented(&[
        "President Ana Lima has said that she is determined to stop it, Reyes said, adding: “We will act alone if we must.”",
    ]);
    assert_eq!(speaker_of(&qs, "act alone"), Some("Reyes"));
    let qs =
        segmented(&["“We are ready,” said Ana Lima, adding: “Every shelter is open tonight.”"]);
    assert_eq!(speaker_of(&qs, "shelter"), Some("Ana Lima"));
    // Never the object, even a titled name.
    let qs = segmented(&[
        "Lima criticised Senator Tom Reyes on Monday, saying “he has never read the bill at all.”",
    ]);
    assert_eq!(speaker_of(&qs, "never read"), Some("Lima"));
    // Another clause between the subject and the comma: never its
    // subject.
    let qs = segmented(&[
        "Mayor Ana Lima said Tom Reyes had lied, saying “he has never read the bill at all.”",
    ]);
    assert_ne!(speaker_of(&qs, "never read"), Some("Tom Reyes"));
    // A passive clause: its subject is acted on.
    let qs = segmented(&[
        "Senator Tom Reyes was criticised on Monday, saying “the bill will help the state.”",
    ]);
    assert_eq!(speaker_of(&qs, "help the state"), None);
}

#[test]
fn a_name_slash_title_caption_speaks() {
    let qs = segmented(&[
        "The jury heard two witnesses. Tom Reyes/Albany County District Attorney: “The issues in play in the courtroom will bear themselves out.”",
    ]);
    assert_eq!(speaker_of(&qs, "bear themselves"), Some("Tom Reyes"));
    // Not a caption with a lower-case word after the slash, nor one word
    // before it.
    let qs = segmented(&[
        "The jury heard two witnesses. Ana Lima/Tom Reyes trial: “The issues in play will bear themselves out.”",
    ]);
    assert_eq!(speaker_of(&qs, "bear themselves"), None);
    let qs = segmented(&["Republicans/Democrats: “The issues in play will bear themselves out.”"]);
    assert_eq!(speaker_of(&qs, "bear themselves"), None);
}

#[test]
fn a_quotation_resuming_after_its_attribution_keeps_the_speaker() {
    let qs = segmented(&[
        "Tom Reyes told the real story. “When I was coach here, it was a bad season,” he said. “And now, this guy,” he continued, looking to Lima, “if he does not win a title, he has a bad season.”",
    ]);
    assert_eq!(speaker_of(&qs, "does not win"), Some("Tom Reyes"));
    // A sentence ends between them: the words after are someone else's.
    let qs = segmented(&[
        "“The vote is close,” Mayor Ana Lima said. Tom Reyes smiled, “and we have the numbers.”",
    ]);
    assert_eq!(speaker_of(&qs, "the numbers"), None);
}

#[test]
fn a_pronoun_after_a_new_unnamed_role_is_that_role() {
    let paras = [
        "Mayor Ana Lima opened the new tram line on Monday. However, one engineer from the city was sceptical of the claims. “It is slower than the old bus,” he said. “Look at the queues.”",
    ];
    let qs = segmented(&paras);
    assert_eq!(speaker_of(&qs, "slower than"), Some("one engineer"));
    assert_eq!(speaker_of(&qs, "queues"), Some("one engineer"));
    // Passive: the role is acted on; no one.
    let qs = segmented(&[
        "Police questioned Mayor Ana Lima on Monday. A man was arrested near the station. “We are relieved,” he said.",
    ]);
    assert_eq!(speaker_of(&qs, "relieved"), None);
    // Definite: may be someone named before; no one.
    let qs = segmented(&[
        "Mayor Ana Lima opened the bridge. The spokesman for the builder seemed happy. “It is finished,” he said.",
    ]);
    assert_eq!(speaker_of(&qs, "finished"), None);
    // A gender the role rules out; no one.
    let qs = segmented(&[
        "Mayor Tom Reyes opened the bridge. A spokesman for the builder seemed happy. “It is finished,” she said.",
    ]);
    assert_eq!(speaker_of(&qs, "finished"), None);
    // Not in the last sentence before the pronoun; no one.
    let qs = segmented(&[
        "One engineer was sceptical of the claims. The tram left at noon. “It is slower than the bus,” he said.",
    ]);
    assert_eq!(speaker_of(&qs, "slower than"), None);
}

#[test]
fn a_medium_speaks_for_the_author_named_after_it() {
    let qs =
        segmented(&["A statement from the company said: “We regret the delay to our customers.”"]);
    assert_eq!(speaker_of(&qs, "regret the delay"), Some("the company"));
    let qs =
        segmented(&["A letter from Senator Ana Lima said: “We will not vote for this budget.”"]);
    assert_eq!(speaker_of(&qs, "not vote"), Some("Ana Lima"));
    // No author named: no one.
    let qs = segmented(&["The statement said: “We regret the delay to our customers.”"]);
    assert_eq!(speaker_of(&qs, "regret the delay"), None);
    let qs = segmented(&["A statement on Monday said: “We regret the delay to our customers.”"]);
    assert_eq!(speaker_of(&qs, "regret the delay"), None);
    let qs = segmented(&[
        "Mayor Tom Reyes spoke first. A letter from him said: “We will not vote for this budget.”",
    ]);
    assert_eq!(speaker_of(&qs, "not vote"), None);
}

// ---- session 28 ----

#[test]
fn a_pronoun_after_a_new_unnamed_person_is_that_person() {
    // Any noun of persons, not only a role noun: "one shopper", "a voter".
    let qs = segmented(&[
        "Mayor Ana Lima opened the new market on Monday. However, one shopper from the suburbs was doubtful. “The prices are higher than before,” he said. “Nobody can pay that.”",
    ]);
    assert_eq!(speaker_of(&qs, "prices are higher"), Some("one shopper"));
    assert_eq!(speaker_of(&qs, "Nobody can pay"), Some("one shopper"));
    let qs = segmented(&[
        "Senator Tom Reyes spoke in the square. A voter near the stage shook her head. “He never came here before,” she said.",
    ]);
    assert_eq!(speaker_of(&qs, "never came"), Some("a voter"));
    // The noun's gender rules out the pronoun (WordNet: a girl is female): no one.
    let qs = segmented(&[
        "Senator Tom Reyes spoke in the square. A girl near the stage laughed. “He never came here before,” he said.",
    ]);
    assert_eq!(speaker_of(&qs, "never came"), None);
    // Definite: may be someone named before; no one.
    let qs = segmented(&[
        "Mayor Ana Lima opened the market. The shopper from the suburbs was doubtful. “The prices are higher,” she said.",
    ]);
    assert_eq!(speaker_of(&qs, "prices are higher"), None);
    // Passive: the person is acted on; no one.
    let qs = segmented(&[
        "Mayor Ana Lima opened the market. A shopper was injured in the crush. “The prices are higher,” she said.",
    ]);
    assert_eq!(speaker_of(&qs, "prices are higher"), None);
    // Not a noun of persons ("a market"): the named person, as before.
    let qs = segmented(&[
        "Mayor Ana Lima opened the market. A market of this size was overdue. “The prices are fair,” she said.",
    ]);
    assert_eq!(speaker_of(&qs, "prices are fair"), Some("Ana Lima"));
}

#[test]
fn a_person_noun_set_off_after_a_name_describes_that_name() {
    // A name the story knows, then a noun of persons set off by commas:
    // the name is the subject, not a new unnamed person.
    let qs = segmented(&[
        "“We will win,” Mayor Tom Reyes said. Reyes, a veteran, was upbeat about the vote. “The people are with us,” he said.",
    ]);
    assert_eq!(speaker_of(&qs, "people are with us"), Some("Tom Reyes"));
    // A name of two words: that person, not the earlier speaker.
    let qs = segmented(&[
        "“We will win,” Mayor Tom Reyes said. Carlos Ortega, a veteran who lives nearby, was upbeat. “The people are with us,” he said.",
    ]);
    assert_eq!(speaker_of(&qs, "people are with us"), Some("Carlos Ortega"));
    // One word the story does not know: no one (neither the earlier
    // speaker nor "a veteran").
    let qs = segmented(&[
        "“We will win,” Mayor Tom Reyes said. Ortega, a veteran, was upbeat. “The people are with us,” he said.",
    ]);
    assert_eq!(speaker_of(&qs, "people are with us"), None);
}

#[test]
fn a_name_comma_role_caption_speaks() {
    // A name of two words or more, a comma, a role phrase headed by a
    // role noun or a title, a colon: that name.
    let qs = segmented(&[
        "The storm hit at night. Ana Lima, a nurse at the clinic: “We had no warning at all.”",
    ]);
    assert_eq!(speaker_of(&qs, "no warning"), Some("Ana Lima"));
    let qs = segmented(&["Tom Reyes, mayor: “The bridge will reopen in the spring.”"]);
    assert_eq!(speaker_of(&qs, "bridge will"), Some("Tom Reyes"));
    let qs = segmented(&[
        "Two people spoke. Tom Reyes, Deputy Mayor of Albany: “The bridge will reopen in the spring.”",
    ]);
    assert_eq!(speaker_of(&qs, "bridge will"), Some("Tom Reyes"));
    let qs = segmented(&["Ana Lima, the union's chief negotiator: “We will not sign this deal.”"]);
    assert_eq!(speaker_of(&qs, "not sign"), Some("Ana Lima"));
}

#[test]
fn a_place_date_or_topic_before_a_comma_caption_is_no_speaker() {
    for text in [
        "In Albany, Tuesday: “The bridge will reopen in the spring.”",
        "Albany, New York: “The bridge will reopen in the spring.”",
        "Paris, France: “The bridge will reopen in the spring.”",
        "Budget cuts, Albany: “The bridge will reopen in the spring.”",
        "Ana Lima, Albany: “The bridge will reopen in the spring.”",
        "New York, United States: “The bridge will reopen in the spring.”",
        // One word before the comma: not read as a name here.
        "Reyes, mayor: “The bridge will reopen in the spring.”",
        // A determiner opens no person's name; a place with a role noun
        // after the preposition, not as the head.
        "The United States, a member of the alliance: “The bridge will reopen in the spring.”",
        "Los Angeles, a city of nurses: “The bridge will reopen in the spring.”",
        // A clause, not a role phrase.
        "Tom Reyes, who met the nurse: “The bridge will reopen in the spring.”",
        "Tom Reyes, the mayor, Ana Lima: “The bridge will reopen in the spring.”",
    ] {
        let qs = segmented(&[text]);
        assert_eq!(speaker_of(&qs, "bridge will"), None, "{text}");
    }
}

// ---- session 29: a plural noun after a topic word; a surname opening a
// sentence before any verb ----

#[test]
fn a_topic_word_before_a_plural_noun_is_no_speaker() {
    // One capitalised word the story does not know as a person, then a
    // speech form that is a plural noun in its own right: a compound noun.
    for text in [
        "Budget talks in Albany: “We are close to a deal with them.”",
        "Peace talks in Geneva: “We are close to a deal with them.”",
        "Staff gripes at the plant: “We are close to a deal with them.”",
    ] {
        let qs = segmented(&[text]);
        assert_eq!(speaker_of(&qs, "close to a deal"), None, "{text}");
    }
    // A person the story knows, a name of two words, or a form that is
    // only a verb still speaks.
    let qs = segmented(&[
        "Mayor Tom Reyes met voters on Monday. Reyes talks in Albany: “The bridge will reopen in the spring.”",
    ]);
    assert_eq!(speaker_of(&qs, "bridge will"), Some("Tom Reyes"));
    let qs = segmented(&["Ana Lima talks to voters: “The bridge will reopen in the spring.”"]);
    assert_eq!(speaker_of(&qs, "bridge will"), Some("Ana Lima"));
    let qs = segmented(&["Berg says: “The bridge will reopen in the spring.”"]);
    assert_eq!(speaker_of(&qs, "bridge will"), Some("Berg"));
}

#[test]
fn a_surname_opening_a_sentence_before_a_verb_is_the_pronouns_person() {
    // "he" follows "Ortega issued …": the story's one Carlos Ortega, not
    // the officer named in the sentence before.
    let qs = segmented(&[
        "Officer Tom Baker said the forward Carlos Ortega was stopped at 2 a.m. on Tuesday. Ortega issued a statement through the club. “I made a mistake and I am sorry,” he said.",
    ]);
    assert_eq!(speaker_of(&qs, "made a mistake"), Some("Carlos Ortega"));
    // A surname the story gives two people: neither of them (the rule
    // does not fire).
    let qs = segmented(&[
        "Officer Tom Baker said Carlos Ortega and Luis Ortega were stopped at 2 a.m. on Tuesday. Ortega issued a statement through the club. “I made a mistake and I am sorry,” he said.",
    ]);
    let who = speaker_of(&qs, "made a mistake");
    assert!(!who.is_some_and(|w| w.ends_with("Ortega")), "{who:?}");
    // The word set off by a comma or before a preposition is no subject
    // of a verb: the rule does not fire.
    for text in [
        "Officer Tom Baker said the forward Carlos Ortega was stopped at 2 a.m. on Tuesday. Ortega, the club said, issued a statement. “I made a mistake and I am sorry,” he said.",
        "Officer Tom Baker said the forward Carlos Ortega was stopped at 2 a.m. on Tuesday. Ortega in Albany issued a statement. “I made a mistake and I am sorry,” he said.",
    ] {
        let qs = segmented(&[text]);
        assert_ne!(
            speaker_of(&qs, "made a mistake"),
            Some("Carlos Ortega"),
            "{text}"
        );
    }
    // A word after a preposition, or set off by a comma, is no subject:
    // "he" is still the officer.
    let qs = segmented(&[
        "Officer Tom Baker stopped the car at 2 a.m. on Tuesday. In Albany, traffic was light. “The driver was calm and polite,” he said.",
    ]);
    assert_eq!(speaker_of(&qs, "driver was calm"), Some("Tom Baker"));
}

#[test]
fn a_capitalised_noun_opening_a_sentence_is_no_surname() {
    // "Fire crews", "Rescue personnel": a noun after the word, not a past
    // form, so the story's "Somerset Fire" is not the pronoun's person.
    let qs = segmented(&[
        "Crews from Somerset Fire and Rescue came at noon, said Inspector Tom Baker of the county. Fire crews stayed until dusk. “The roof is lost but the store is safe,” he said.",
    ]);
    assert_eq!(speaker_of(&qs, "roof is lost"), Some("Tom Baker"));
    // A past form after the surname: the story's one Ana Vance.
    let qs = segmented(&[
        "The charges were welcomed by Ana Vance of a local group and by Inspector Tom Baker. Vance has lobbied for charges for years. “We all know this has to stop,” she said.",
    ]);
    assert_eq!(speaker_of(&qs, "has to stop"), Some("Ana Vance"));
}

#[test]
fn a_two_word_run_only_opening_sentences_is_no_surname() {
    // "Typically Harbor" opens its sentence each time: an adverb before a
    // name, not a person whose surname "Harbor published" would be.
    let qs = segmented(&[
        "Mayor Ana Lima spoke first. Typically Harbor keeps the notes short. Harbor approved the plan on Monday. “We will vote next week,” she said.",
    ]);
    assert_eq!(speaker_of(&qs, "vote next week"), Some("Ana Lima"));
    // The same name inside a sentence too: that person.
    let qs = segmented(&[
        "Mayor Ana Lima spoke first, then the clerk Rosa Harbor. Harbor approved the plan on Monday. “We will vote next week,” she said.",
    ]);
    assert_eq!(speaker_of(&qs, "vote next week"), Some("Rosa Harbor"));
}

// ---- a surname two people share names neither of them ----

#[test]
fn a_surname_two_people_share_stays_as_written() {
    // Two Clintons in the story: "Clinton said" is either; shown as
    // written (or no one), never as one of the two full names.
    let qs = segmented(&[
        "Former President Bill Clinton spoke in Ohio on Monday. Senator Hillary Clinton spoke in Iowa.",
        "“We will win this state in November,” Clinton said.",
    ]);
    let got = speaker_of(&qs, "win this state");
    assert!(got.is_none() || got == Some("Clinton"), "{got:?}");
    let qs = segmented(&[
        "President George W. Bush met his father, George H.W. Bush, in Texas on Friday.",
        "“The ranch is quiet this time of year,” Bush said.",
    ]);
    let got = speaker_of(&qs, "ranch is quiet");
    assert!(got.is_none() || got == Some("Bush"), "{got:?}");
    // The full name as written still names its person.
    let qs = segmented(&[
        "Former President Bill Clinton spoke in Ohio on Monday. Senator Hillary Clinton spoke in Iowa.",
        "“We will win this state in November,” Hillary Clinton said.",
    ]);
    assert_eq!(speaker_of(&qs, "win this state"), Some("Hillary Clinton"));
}

#[test]
fn forms_of_one_name_still_give_the_fullest() {
    // "Donald Trump" and "Donald J. Trump" are one person.
    let qs = segmented(&[
        "The candidate Donald J. Trump held a rally in Florida. Donald Trump spoke for an hour.",
        "“We are going to build it quickly,” Trump said.",
    ]);
    assert_eq!(speaker_of(&qs, "build it quickly"), Some("Donald J. Trump"));
    // "A.J. Smith" and "AJ Smith": the periods do not make two people.
    let qs = segmented(&[
        "Coach A.J. Smith spoke on Monday. Coach AJ Smith said the team was ready.",
        "“We have the players we need,” Smith said.",
    ]);
    let got = speaker_of(&qs, "players we need");
    assert!(
        got == Some("A.J. Smith") || got == Some("AJ Smith"),
        "{got:?}"
    );
    // One Gomes in the story: "Ms. Gomes" is she.
    let qs = segmented(&[
        "The lawyer Catherine Gomes filed the appeal on Tuesday.",
        "“The ruling ignored the evidence,” Ms. Gomes said.",
    ]);
    assert_eq!(
        speaker_of(&qs, "ignored the evidence"),
        Some("Catherine Gomes")
    );
}

#[test]
fn a_nickname_and_the_full_name_are_one_person() {
    // Must pick: "Bill Rossi" and "William Rossi" are one person, so
    // "Rossi said" is he (shown by his fullest name).
    let qs = segmented(&[
        "Attorney William Rossi filed the appeal on Monday. Bill Rossi said the court erred.",
        "“The ruling ignored the evidence,” Rossi said.",
    ]);
    assert_eq!(
        speaker_of(&qs, "ignored the evidence"),
        Some("William Rossi")
    );
    // Must abstain: Albert and Alan share a short form ("Al") but are two
    // names, so two people.
    let qs = segmented(&[
        "Attorney Albert Rossi filed the appeal on Monday. His brother, attorney Alan Rossi, said the court erred.",
        "“The ruling ignored the evidence,” Rossi said.",
    ]);
    let got = speaker_of(&qs, "ignored the evidence");
    assert!(got.is_none() || got == Some("Rossi"), "{got:?}");
}

#[test]
fn a_pronoun_after_a_shared_surname_names_no_one() {
    // "Clinton issued a statement … she said": the story's one plain
    // two-word Clinton is Bill, but Hillary Rodham Clinton is a Clinton
    // too, so the pronoun is not given to him.
    let qs = segmented(&[
        "Senator Hillary Rodham Clinton spoke in Iowa. Former President Bill Clinton spoke in Ohio.",
        "Clinton issued a statement on Monday. “We will win this state in November,” she said.",
    ]);
    assert_ne!(speaker_of(&qs, "win this state"), Some("Bill Clinton"));
    // One Clinton in the story: the pronoun is hers.
    let qs = segmented(&[
        "Senator Hillary Clinton spoke in Iowa on Monday.",
        "Clinton issued a statement on Tuesday. “We will win this state in November,” she said.",
    ]);
    assert_eq!(speaker_of(&qs, "win this state"), Some("Hillary Clinton"));
}

// ---- a title-like first word is no first name ----

#[test]
fn a_person_noun_the_story_writes_in_lower_case_is_a_title_before_a_surname() {
    // Must pick: the story writes "producer" in lower case, so in
    // "Producer Moffat" it is his title: the speaker is the story's one
    // Moffat, by his full name.
    let qs = segmented(&[
        "Executive producer Steven Moffat said the actor was chosen in secret.",
        "“He walked in and we knew at once,” Producer Moffat said.",
    ]);
    assert_eq!(speaker_of(&qs, "walked in"), Some("Steven Moffat"));
    // …and "Producer Moffat" is no second Moffat: the lone surname is he.
    let qs = segmented(&[
        "Executive producer Steven Moffat said the actor was chosen in secret.",
        "Producer Moffat said the audition took an afternoon.",
        "“He walked in and we knew at once,” Moffat said.",
    ]);
    assert_eq!(speaker_of(&qs, "walked in"), Some("Steven Moffat"));
}

#[test]
fn a_first_name_stays_unless_both_a_person_noun_and_written_lower_case() {
    // Must abstain from cutting: "hunter" is a noun of persons, but the
    // story never writes it in lower case, so "Hunter Biden" is a first
    // name and a second Biden: the lone surname stays as written.
    let qs = segmented(&[
        "Vice President Joe Biden spoke in Ohio on Monday.",
        "“I am proud of my father,” Hunter Biden said.",
        "“We will win this state in November,” Biden said.",
    ]);
    assert_eq!(speaker_of(&qs, "proud of my father"), Some("Hunter Biden"));
    let got = speaker_of(&qs, "win this state");
    assert!(got.is_none() || got == Some("Biden"), "{got:?}");
    // "bill" is written in lower case, but it names no person: "Bill
    // Rossi" keeps his first name and is not Ana Rossi.
    let qs = segmented(&[
        "The bill passed the senate on Monday. Senator Ana Rossi voted for it.",
        "“This bill will help every family,” Bill Rossi said.",
    ]);
    assert_eq!(speaker_of(&qs, "help every family"), Some("Bill Rossi"));
    // "Mark" neither.
    let qs = segmented(&[
        "The mark was left on the wall. Senator Ana Rossi saw it.",
        "“Someone came in at night,” Mark Rossi said.",
    ]);
    assert_eq!(speaker_of(&qs, "came in at night"), Some("Mark Rossi"));
    // "dean" is a noun of persons written in lower case, but only as a
    // noun ("the dean said"), never as a title before a name: "Dean
    // Martin" keeps his first name and is not the story's Steve Martin.
    let qs = segmented(&[
        "Steve Martin spoke at the dinner. The dean said the hall was full.",
        "“We raised more than we hoped,” Dean Martin said.",
    ]);
    assert_eq!(speaker_of(&qs, "raised more than"), Some("Dean Martin"));
    // "juror" is both, but "No" is no surname: "Juror No. 5" is not cut
    // to a person called "No".
    let qs = segmented(&[
        "One juror said the talks were long. Juror No. 5 spoke to reporters.",
        "“Everyone on the jury was heard before we voted on the verdict,” Juror No. 5 said.",
    ]);
    assert_ne!(speaker_of(&qs, "Everyone on the jury"), Some("No"));
}
