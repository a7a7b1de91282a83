//! Quality gates on the UI's Fluent files: every file parses cleanly with the reference
//! parser, every language has exactly Italian's messages, with the same placeables.

use fluent_syntax::ast::{self, Entry, Expression, InlineExpression, PatternElement};
use sportello_core::Lang;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const DOMAIN: &str = "sportello.ftl";

fn locales_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("locales")
}

/// Message id → the variables its value and attributes use.
type Messages = BTreeMap<String, BTreeSet<String>>;

fn load(lang: &str) -> Messages {
    let path = locales_dir().join(lang).join(DOMAIN);
    let source =
        std::fs::read_to_string(&path).unwrap_or_else(|err| panic!("{}: {err}", path.display()));
    let resource = fluent_syntax::parser::parse(source.as_str()).unwrap_or_else(|(_, errors)| {
        panic!("{}: {errors:?}", path.display());
    });
    let mut messages = Messages::new();
    for entry in resource.body {
        match entry {
            Entry::Message(message) => {
                let mut variables = BTreeSet::new();
                if let Some(value) = &message.value {
                    collect_variables(value, &mut variables);
                }
                for attribute in &message.attributes {
                    collect_variables(&attribute.value, &mut variables);
                }
                let id = message.id.name.to_owned();
                assert!(
                    messages.insert(id.clone(), variables).is_none(),
                    "{lang}: {id} is defined twice"
                );
            }
            Entry::Junk { content } => panic!("{lang}: unparsable text: {content:?}"),
            _ => {}
        }
    }
    messages
}

fn collect_variables(pattern: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            collect_from_expression(expression, out);
        }
    }
}

fn collect_from_expression(expression: &Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        Expression::Inline(inline) => collect_from_inline(inline, out),
        Expression::Select { selector, variants } => {
            collect_from_inline(selector, out);
            for variant in variants {
                collect_variables(&variant.value, out);
            }
        }
    }
}

fn collect_from_inline(inline: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match inline {
        InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_owned());
        }
        InlineExpression::Placeable { expression } => collect_from_expression(expression, out),
        InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                collect_from_inline(argument, out);
            }
        }
        _ => {}
    }
}

#[test]
fn every_language_folder_is_a_supported_language_and_back() {
    let folders: BTreeSet<String> = std::fs::read_dir(locales_dir())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let supported: BTreeSet<String> = Lang::ALL.iter().map(|l| l.code().to_owned()).collect();
    assert_eq!(folders, supported);
}

#[test]
fn every_language_has_exactly_the_italian_messages_with_the_same_placeables() {
    let italian = load(Lang::FALLBACK.code());
    assert!(italian.len() > 20, "the Italian file looks truncated");
    for lang in Lang::ALL {
        let messages = load(lang.code());
        let missing: Vec<_> = italian
            .keys()
            .filter(|id| !messages.contains_key(*id))
            .collect();
        let extra: Vec<_> = messages
            .keys()
            .filter(|id| !italian.contains_key(*id))
            .collect();
        assert!(missing.is_empty(), "{lang} lacks {missing:?}");
        assert!(
            extra.is_empty(),
            "{lang} has messages Italian lacks: {extra:?}"
        );
        for (id, variables) in &italian {
            assert_eq!(&messages[id], variables, "{lang}: placeables of {id}");
        }
    }
}

#[test]
fn no_message_is_empty_and_arabic_is_in_arabic_script() {
    for lang in Lang::ALL {
        let path = locales_dir().join(lang.code()).join(DOMAIN);
        let source = std::fs::read_to_string(path).unwrap();
        let resource = fluent_syntax::parser::parse(source.as_str()).unwrap();
        for entry in resource.body {
            if let Entry::Message(message) = entry {
                let value = message.value.as_ref().expect("every message has a value");
                assert!(
                    !value.elements.is_empty(),
                    "{lang}: {} is empty",
                    message.id.name
                );
            }
        }
    }
    // Arabic must be written in Arabic script, not left in Latin letters.
    let arabic = std::fs::read_to_string(locales_dir().join("ar").join(DOMAIN)).unwrap();
    let home = arabic
        .lines()
        .find(|line| line.starts_with("home-question"))
        .unwrap();
    assert!(
        home.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)),
        "{home}"
    );
}
