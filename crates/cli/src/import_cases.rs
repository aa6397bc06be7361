//! `torchlight import cases FILE.jsonl --org ORG`: an organisation's cases from a
//! spreadsheet, one JSON object a line. Every line is checked before anything is
//! stored, each problem named by its line and field; then all of them are stored
//! in one unit of work, or none. A progress bar shows on a terminal.

use std::io::BufRead;
use std::path::Path;

use serde::Deserialize;
use torchlight_app::Actor;
use torchlight_core::case::{CaseDraft, ValidCase};

use crate::commands::ConfiguredApp;
use crate::BadInput;

/// Most problems printed; the count says how many more there were.
const PROBLEMS_SHOWN: usize = 50;

/// One line of the file: the fields of the staff case form.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Line {
    country: String,
    #[serde(default = "within_days")]
    urgency: String,
    name: String,
    #[serde(default)]
    contact: String,
    #[serde(default)]
    narrative: String,
}

fn within_days() -> String {
    "within_days".to_owned()
}

pub async fn import_cases(
    configured: ConfiguredApp,
    taxonomy: &torchlight_core::Taxonomy,
    organization: &str,
    input: &Path,
    dry_run: bool,
) -> anyhow::Result<()> {
    let app = configured.app;
    let directory = app.store().load_directory().await?;
    let scope = crate::control::resolve_in(&directory, organization)
        .map_err(|e| BadInput(format!("--org: {e}")))?;
    let file = std::fs::File::open(input)
        .map_err(|e| BadInput(format!("cannot read {}: {e}", input.display())))?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    let progress = indicatif::ProgressBar::new(size);
    progress.set_style(
        indicatif::ProgressStyle::with_template("checking {bar:40} {bytes}/{total_bytes} {msg}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let mut cases: Vec<ValidCase> = Vec::new();
    let mut problems: Vec<String> = Vec::new();
    for (index, line) in std::io::BufReader::new(file).lines().enumerate() {
        let number = index + 1;
        let line = line.map_err(|e| {
            BadInput(format!(
                "{}: line {number} cannot be read: {e}",
                input.display()
            ))
        })?;
        progress.inc(line.len() as u64 + 1);
        if line.trim().is_empty() {
            continue;
        }
        let parsed: Line = match serde_json::from_str(&line) {
            Ok(parsed) => parsed,
            Err(e) => {
                problems.push(format!("line {number}: {e}"));
                continue;
            }
        };
        let draft = CaseDraft {
            country: parsed.country,
            urgency: parsed.urgency,
            name: parsed.name,
            contact: parsed.contact,
            narrative: parsed.narrative,
        };
        match draft.validate(taxonomy) {
            Ok(valid) => cases.push(valid),
            Err(errors) => problems.extend(
                errors
                    .iter()
                    .map(|error| format!("line {number}, field {error}")),
            ),
        }
    }
    progress.finish_and_clear();
    if !problems.is_empty() {
        let shown: Vec<String> = problems
            .iter()
            .take(PROBLEMS_SHOWN)
            .map(|p| format!("  {p}"))
            .collect();
        let more = problems.len().saturating_sub(shown.len());
        return Err(BadInput(format!(
            "{} is not imported; nothing was changed. {} problem(s):\n{}{}",
            input.display(),
            problems.len(),
            shown.join("\n"),
            if more > 0 {
                format!("\n  ... and {more} more")
            } else {
                String::new()
            }
        ))
        .into());
    }
    if cases.is_empty() {
        return Err(BadInput(format!("{} holds no case", input.display())).into());
    }
    if dry_run {
        println!(
            "{} is valid: {} cases for organisation {scope} (dry run, nothing stored)",
            input.display(),
            cases.len()
        );
        return Ok(());
    }
    let count = cases.len();
    let spinner = indicatif::ProgressBar::new_spinner();
    spinner.set_message(format!("encrypting and storing {count} cases"));
    spinner.enable_steady_tick(std::time::Duration::from_millis(200));
    let stored = app.cases().import(scope, cases, &Actor::Operator).await;
    spinner.finish_and_clear();
    let ids = stored?;
    println!(
        "Imported {} cases into organisation {scope}; they wait in its triage queue as new cases.",
        ids.len()
    );
    Ok(())
}
