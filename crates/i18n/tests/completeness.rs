//! Every locale that `locales/locales.toml` lists for a file has that file complete:
//! every message and attribute the reference defines, with the same variables, and
//! nothing else. The reference is the English file, except for the vocabularies
//! (`taxonomy`, `countries`), whose reference is the built-in taxonomy itself.
//!
//! The test enumerates the manifest and the files; it names no message, so a page
//! added later is covered as soon as its messages are in `locales/en/`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast;
use torchlight_core::{Taxonomy, Vocabulary};
use torchlight_i18n::{required_files, source, sources, vocabulary_key, Locale, Localizer};

/// What one message is made of: its attributes, and the variables used by its value
/// and each attribute.
#[derive(Debug, Default, PartialEq)]
struct Shape {
    has_value: bool,
    /// "" for the value, else the attribute's name → variables used there.
    parts: BTreeMap<String, BTreeSet<String>>,
}

type Messages = BTreeMap<String, Shape>;

fn messages(text: &str, path: &str) -> Messages {
    let resource = fluent_syntax::parser::parse(text)
        .unwrap_or_else(|(_, errors)| panic!("locales/{path} does not parse: {errors:?}"));
    let mut found = Messages::new();
    for entry in resource.body {
        if let ast::Entry::Message(message) = entry {
            let mut shape = Shape::default();
            if let Some(value) = &message.value {
                shape.has_value = true;
                shape.parts.insert(String::new(), variables(value));
            }
            for attribute in &message.attributes {
                shape
                    .parts
                    .insert(attribute.id.name.to_owned(), variables(&attribute.value));
            }
            found.insert(message.id.name.to_owned(), shape);
        }
    }
    found
}

fn variables(pattern: &ast::Pattern<&str>) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    collect_pattern(pattern, &mut found);
    found
}

fn collect_pattern(pattern: &ast::Pattern<&str>, found: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            collect_expression(expression, found);
        }
    }
}

fn collect_expression(expression: &ast::Expression<&str>, found: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            collect_inline(selector, found);
            for variant in variants {
                collect_pattern(&variant.value, found);
            }
        }
        ast::Expression::Inline(inline) => collect_inline(inline, found),
    }
}

fn collect_inline(inline: &ast::InlineExpression<&str>, found: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            found.insert(id.name.to_owned());
        }
        ast::InlineExpression::FunctionReference { arguments, .. }
        | ast::InlineExpression::TermReference {
            arguments: Some(arguments),
            ..
        } => {
            for argument in &arguments.positional {
                collect_inline(argument, found);
            }
            for argument in &arguments.named {
                collect_inline(&argument.value, found);
            }
        }
        ast::InlineExpression::Placeable { expression } => collect_expression(expression, found),
        _ => {}
    }
}

/// The reference for a vocabulary file: every built-in entry, with a description
/// attribute where the taxonomy has one, and no variables.
fn vocabulary_reference(file: &str) -> Messages {
    let taxonomy = Taxonomy::built_in().unwrap();
    let mut reference = Messages::new();
    let mut add = |key: String, description: bool| {
        let mut shape = Shape {
            has_value: true,
            ..Shape::default()
        };
        shape.parts.insert(String::new(), BTreeSet::new());
        if description {
            shape
                .parts
                .insert("description".to_owned(), BTreeSet::new());
        }
        reference.insert(key, shape);
    };
    match file {
        "countries" => {
            for country in taxonomy.countries() {
                add(
                    vocabulary_key(Vocabulary::Country, country.code.as_str()),
                    false,
                );
            }
        }
        "taxonomy" => {
            for region in taxonomy.regions() {
                add(
                    vocabulary_key(Vocabulary::Region, region.code.as_str()),
                    false,
                );
            }
            for vocabulary in Vocabulary::ALL {
                for term in taxonomy.terms(vocabulary) {
                    add(
                        vocabulary_key(vocabulary, term.code.as_str()),
                        !term.description.is_empty(),
                    );
                }
            }
        }
        other => panic!("{other} is not a vocabulary file"),
    }
    reference
}

fn is_vocabulary(file: &str) -> bool {
    matches!(file, "taxonomy" | "countries")
}

/// Differences between a locale's file and its reference, one line each.
fn compare(reference: &Messages, actual: &Messages, path: &str) -> Vec<String> {
    let mut problems = Vec::new();
    for (id, want) in reference {
        let Some(have) = actual.get(id) else {
            problems.push(format!("locales/{path}: missing message {id}"));
            continue;
        };
        if want.has_value && !have.has_value {
            problems.push(format!("locales/{path}: {id} has no value"));
        }
        for (part, want_vars) in &want.parts {
            let name = if part.is_empty() {
                id.clone()
            } else {
                format!("{id}.{part}")
            };
            match have.parts.get(part) {
                None => problems.push(format!("locales/{path}: missing {name}")),
                Some(have_vars) if have_vars != want_vars => problems.push(format!(
                    "locales/{path}: {name} uses variables {have_vars:?}, the reference uses {want_vars:?}"
                )),
                Some(_) => {}
            }
        }
        for part in have.parts.keys().filter(|p| !want.parts.contains_key(*p)) {
            problems.push(format!(
                "locales/{path}: {id} has an extra attribute .{part}"
            ));
        }
    }
    for id in actual.keys().filter(|id| !reference.contains_key(*id)) {
        problems.push(format!(
            "locales/{path}: extra message {id} that the reference does not have"
        ));
    }
    problems
}

#[test]
fn every_listed_locale_has_every_listed_file_complete() {
    let mut problems = Vec::new();
    for (file, locales) in required_files() {
        let reference = if is_vocabulary(file) {
            vocabulary_reference(file)
        } else {
            match source("en", file) {
                Some(en) => messages(en.text, &en.path()),
                // A file planned in the manifest (e.g. staff pages) that has no
                // messages yet: nothing can be missing from it.
                None => Messages::new(),
            }
        };
        for locale in *locales {
            let path = format!("{locale}/{file}.ftl");
            match source(locale, file) {
                Some(found) => {
                    problems.extend(compare(&reference, &messages(found.text, &path), &path))
                }
                None if reference.is_empty() => {}
                None => problems.push(format!("locales/{path}: the file is missing")),
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn every_file_is_named_in_the_manifest() {
    let named: BTreeSet<&str> = required_files().iter().map(|(f, _)| *f).collect();
    for found in sources() {
        assert!(
            named.contains(found.file),
            "locales/{} is not listed under [files] in locales/locales.toml",
            found.path()
        );
        // English vocabulary labels live in data/taxonomy/; a copy would drift.
        assert!(
            !(found.locale == "en" && is_vocabulary(found.file)),
            "locales/{}: English labels come from data/taxonomy/*.csv",
            found.path()
        );
    }
}

/// Messages no locale but English defines are a sign of a file forgotten in the
/// manifest: every English message file must list at least one other locale... or be
/// English-only on purpose, which no file is today.
#[test]
fn every_english_file_is_required_of_english() {
    for found in sources().filter(|s| s.locale == "en") {
        let listed = required_files()
            .iter()
            .find(|(f, _)| *f == found.file)
            .map(|(_, locales)| locales.contains(&"en"))
            .unwrap_or(false);
        assert!(listed, "locales/{}: en is not listed for it", found.path());
    }
}

#[test]
fn every_embedded_file_loads() {
    Localizer::load().unwrap();
    assert_eq!(Locale::all().next(), Some(Locale::ENGLISH));
}
