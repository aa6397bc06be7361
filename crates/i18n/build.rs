//! Embeds the message files of `locales/` and the manifest `locales/locales.toml`
//! into the library, so the server needs no files at run time and a changed
//! translation is picked up by the next build.

use std::error::Error;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() -> Result<(), Box<dyn Error>> {
    let manifest_dir = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR")?);
    let locales_dir = manifest_dir.join("../../locales");
    // A directory makes cargo rerun the script when anything inside it changes.
    println!("cargo:rerun-if-changed={}", locales_dir.display());

    let manifest_path = locales_dir.join("locales.toml");
    let manifest: toml::Table = std::fs::read_to_string(&manifest_path)?.parse()?;
    let locales = manifest
        .get("locales")
        .and_then(toml::Value::as_table)
        .ok_or("locales.toml: no [locales] table")?;
    let files = manifest
        .get("files")
        .and_then(toml::Value::as_table)
        .ok_or("locales.toml: no [files] table")?;
    if locales.keys().next().map(String::as_str) != Some("en") {
        return Err("locales.toml: English (en) must be the first locale".into());
    }

    let mut out = String::new();
    out.push_str("pub(crate) const LOCALES: &[(&str, &str)] = &[\n");
    for (code, name) in locales {
        let name = name
            .as_str()
            .ok_or_else(|| format!("locales.toml: the name of {code} is not a string"))?;
        writeln!(out, "    ({code:?}, {name:?}),")?;
    }
    out.push_str("];\n");

    out.push_str("pub(crate) const FILES: &[(&str, &[&str])] = &[\n");
    for (file, listed) in files {
        let listed = listed
            .as_array()
            .ok_or_else(|| format!("locales.toml: files.{file} is not a list"))?;
        let mut codes = Vec::new();
        for code in listed {
            let code = code
                .as_str()
                .ok_or_else(|| format!("locales.toml: files.{file} holds a non-string"))?;
            if !locales.contains_key(code) {
                return Err(
                    format!("locales.toml: files.{file} names unknown locale {code}").into(),
                );
            }
            codes.push(format!("{code:?}"));
        }
        writeln!(out, "    ({file:?}, &[{}]),", codes.join(", "))?;
    }
    out.push_str("];\n");

    // Every .ftl of every locale directory, in a stable order.
    out.push_str("pub(crate) const SOURCES: &[(&str, &str, &str)] = &[\n");
    for code in locales.keys() {
        let dir = locales_dir.join(code);
        for path in ftl_files(&dir)? {
            let stem = path
                .file_stem()
                .and_then(|s| s.to_str())
                .ok_or_else(|| format!("{}: file name is not UTF-8", path.display()))?;
            let absolute = path.canonicalize()?;
            writeln!(
                out,
                "    ({code:?}, {stem:?}, include_str!({:?})),",
                absolute.display().to_string()
            )?;
        }
    }
    out.push_str("];\n");

    let target = PathBuf::from(std::env::var("OUT_DIR")?).join("embedded.rs");
    std::fs::write(target, out)?;
    Ok(())
}

fn ftl_files(dir: &Path) -> Result<Vec<PathBuf>, Box<dyn Error>> {
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.extension().and_then(|e| e.to_str()) == Some("ftl") {
            found.push(path);
        }
    }
    found.sort();
    Ok(found)
}
