//! Bounded per-thread memos of functions of a text alone.
//!
//! Every stage reads the same sentences again (quotations, alignment, each
//! side of each conflict), so splitting words, stemming and the conflict
//! gate's word sets were computed many times over (issue 15). A value that
//! depends on its text alone can be remembered: doing so changes nothing
//! but the time. One [`Memo`] per thread (in a `thread_local!`), so there is
//! no lock and no shared state between threads; past its limit it starts
//! afresh, so memory stays bounded whatever the size of the build.

use rustc_hash::FxHashMap;
use std::cell::RefCell;

/// Values remembered by the text they were computed from, at most `limit`
/// of them at a time.
pub struct Memo<V> {
    values: RefCell<FxHashMap<Box<str>, V>>,
    limit: usize,
}

impl<V: Clone> Memo<V> {
    /// An empty memo that holds at most `limit` texts.
    pub fn new(limit: usize) -> Self {
        Memo {
            values: RefCell::new(FxHashMap::default()),
            limit,
        }
    }

    /// The value remembered for `text`, or else `compute()`'s, remembered.
    /// Values are cloned out, so a large value is best kept behind an `Rc`.
    pub fn get_or(&self, text: &str, compute: impl FnOnce() -> V) -> V {
        if let Some(v) = self.values.borrow().get(text) {
            return v.clone();
        }
        let v = compute();
        let mut values = self.values.borrow_mut();
        if values.len() >= self.limit {
            values.clear();
        }
        values.insert(text.into(), v.clone());
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    #[test]
    fn a_value_is_computed_once_and_the_memo_stays_bounded() {
        let memo = Memo::new(2);
        let calls = Cell::new(0);
        let len = |t: &str| {
            calls.set(calls.get() + 1);
            t.len()
        };
        assert_eq!(memo.get_or("alpha", || len("alpha")), 5);
        assert_eq!(memo.get_or("alpha", || len("alpha")), 5);
        assert_eq!(calls.get(), 1);
        memo.get_or("beta", || len("beta"));
        // A third text starts the memo afresh: "alpha" is computed again.
        memo.get_or("gamma", || len("gamma"));
        memo.get_or("alpha", || len("alpha"));
        assert_eq!(calls.get(), 4);
        assert!(memo.values.borrow().len() <= 2);
    }
}
