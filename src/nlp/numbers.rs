//! Numbers in words and digits, ranges and qualifiers (owned by issue 11:
//! `divergence::numbers` moves here).
