//! Template include cycles: a template that includes itself, directly or
//! through others (`{% include %}`, or `{% extends %}` back into an
//! includer), would make Tera recurse until the stack overflows and the
//! process aborts. This check finds such a cycle before anything renders
//! and names the templates on it, so the build fails with a message.
//!
//! Recursion through a *macro* that calls itself is left alone: it is the
//! documented way to render trees in Tera and usually ends, which cannot be
//! told from the template alone.

use crate::error::{Error, Result};
use std::collections::BTreeMap;
use tera::ast::Node;

/// Fails with the first include/extends cycle among `templates` (by name),
/// naming its templates in order, e.g. `a.html → b.html → a.html`.
pub fn check_cycles(templates: &BTreeMap<&str, &tera::Template>) -> Result<()> {
    let edges: BTreeMap<&str, Vec<String>> = templates
        .iter()
        .map(|(name, t)| (*name, targets(t)))
        .collect();
    // Iterative depth-first search: 0 unseen, 1 on the current path, 2 done.
    let mut state: BTreeMap<&str, u8> = BTreeMap::new();
    for &root in edges.keys() {
        if state.get(root).copied().unwrap_or(0) != 0 {
            continue;
        }
        let mut path: Vec<(&str, usize)> = vec![(root, 0)];
        state.insert(root, 1);
        while let Some((node, next)) = path.last_mut() {
            let node: &str = node;
            let Some(target) = edges.get(node).and_then(|t| t.get(*next)) else {
                state.insert(node, 2);
                path.pop();
                continue;
            };
            *next += 1;
            let Some((&target, _)) = edges.get_key_value(target.as_str()) else {
                continue; // a missing template is Tera's error to report
            };
            match state.get(target).copied().unwrap_or(0) {
                0 => {
                    state.insert(target, 1);
                    path.push((target, 0));
                }
                1 => return Err(cycle_error(&path, target)),
                _ => {}
            }
        }
    }
    Ok(())
}

fn cycle_error(path: &[(&str, usize)], back_to: &str) -> Error {
    let start = path.iter().position(|(n, _)| *n == back_to).unwrap_or(0);
    let mut names: Vec<&str> = path[start..].iter().map(|(n, _)| *n).collect();
    names.push(back_to);
    Error::Template {
        name: back_to.to_string(),
        message: format!(
            "includes itself ({}), which would never finish rendering; \
             break the cycle (a macro that calls itself can render nested data)",
            names.join(" → ")
        ),
    }
}

/// The templates `t` includes (anywhere, macros included) or extends.
fn targets(t: &tera::Template) -> Vec<String> {
    let mut out: Vec<String> = t.parent.iter().cloned().collect();
    includes(&t.ast, &mut out);
    for m in t.macros.values() {
        includes(&m.body, &mut out);
    }
    for b in t.blocks.values() {
        includes(&b.body, &mut out);
    }
    out.sort();
    out.dedup();
    out
}

fn includes(nodes: &[Node], out: &mut Vec<String>) {
    for node in nodes {
        match node {
            Node::Include(_, names, _) => out.extend(names.iter().cloned()),
            Node::Block(_, b, _) => includes(&b.body, out),
            Node::MacroDefinition(_, m, _) => includes(&m.body, out),
            Node::FilterSection(_, f, _) => includes(&f.body, out),
            Node::Forloop(_, f, _) => {
                includes(&f.body, out);
                if let Some(empty) = &f.empty_body {
                    includes(empty, out);
                }
            }
            Node::If(i, _) => {
                for (_, _, body) in &i.conditions {
                    includes(body, out);
                }
                if let Some((_, body)) = &i.otherwise {
                    includes(body, out);
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(sources: &[(&'static str, &'static str)]) -> Result<()> {
        let parsed: BTreeMap<&str, tera::Template> = sources
            .iter()
            .map(|(n, s)| (*n, tera::Template::new(n, None, s).unwrap()))
            .collect();
        check_cycles(&parsed.iter().map(|(n, t)| (*n, t)).collect())
    }

    #[test]
    fn a_template_including_itself_is_named() {
        let err = check(&[("story.html", "<p>{% include \"story.html\" %}</p>")])
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("template story.html:"), "{err}");
        assert!(err.contains("story.html → story.html"), "{err}");
    }

    #[test]
    fn cycles_through_other_templates_blocks_loops_and_extends_are_found() {
        let err = check(&[
            (
                "a.html",
                "{% if x %}{% for i in y %}{% include \"b.html\" %}{% endfor %}{% endif %}",
            ),
            (
                "b.html",
                "{% block main %}{% include \"c.html\" %}{% endblock %}",
            ),
            ("c.html", "{% include \"a.html\" %}"),
        ])
        .unwrap_err()
        .to_string();
        assert!(err.contains("a.html → b.html → c.html → a.html"), "{err}");
        // A page extending a base that includes the page back.
        let err = check(&[
            (
                "base.html",
                "{% block body %}{% include \"page.html\" %}{% endblock %}",
            ),
            (
                "page.html",
                "{% extends \"base.html\" %}{% block body %}x{% endblock %}",
            ),
        ]);
        assert!(err.is_err());
        // Inside a macro.
        let err = check(&[(
            "m.html",
            "{% macro f() %}{% include \"m.html\" %}{% endmacro f %}",
        )]);
        assert!(err.is_err());
    }

    #[test]
    fn shared_includes_and_recursive_macros_are_fine() {
        check(&[
            ("base.html", "{% include \"head.html\" %}{% block body %}{% endblock %}"),
            ("head.html", "<title>x</title>"),
            ("page.html", "{% extends \"base.html\" %}{% block body %}{% include \"head.html\" %}{% endblock %}"),
            ("tree.html", "{% macro node(n) %}{% for c in n.children %}{{ self::node(n=c) }}{% endfor %}{% endmacro node %}"),
            ("missing.html", "{% include \"nowhere.html\" ignore missing %}"),
        ])
        .unwrap();
    }
}
