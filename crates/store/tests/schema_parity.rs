//! Schema parity: the SQLite and PostgreSQL migrations must describe one schema.
//!
//! Both engines are migrated with the crate's own migrations (a fresh SQLite file and
//! a fresh database on the server at `TORCHLIGHT_TEST_PG_URL`, which
//! `scripts/test.sh` starts), then each engine's catalogue is read into the same
//! model and compared: tables, columns with their NOT NULL-ness, primary keys,
//! unique constraints and indexes, other indexes, foreign keys with their actions,
//! and CHECK constraints. Types are compared through `TYPE_PAIRS`, an explicit list
//! of which SQLite type may stand for which PostgreSQL type.
//!
//! Every difference is reported by name. Differences that exist on purpose (or that
//! predate this test) are listed in `KNOWN_DIFFERENCES` with their reason; any other
//! difference fails the test, and so does a listed one that has gone away.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{Connection, PgConnection, SqliteConnection};
use torchlight_store::testing::TestDb;

/// Which SQLite declared type may stand for which PostgreSQL type (as
/// `information_schema.columns.data_type` names it). These are exactly the pairs the
/// migrations use; a new pair is a decision to make here, not something to slip in.
/// PostgreSQL `integer` is deliberately absent: SQLite integers are 64-bit and the
/// store binds `i64`, so its twin is `bigint`.
const TYPE_PAIRS: &[(&str, &str)] = &[
    // Names, codes, hashes kept as hex or base64, serialised records.
    ("TEXT", "text"),
    // Positions, versions, counters, times in milliseconds.
    ("INTEGER", "bigint"),
    // The `id = 1` of the single-row tables `keyring` and `audit_head`.
    ("INTEGER", "smallint"),
    // Flags: 0 or 1 in SQLite.
    ("INTEGER", "boolean"),
    // Ids: UUIDs as 16-byte blobs in SQLite.
    ("BLOB", "uuid"),
    // Ciphertexts and chain hashes.
    ("BLOB", "bytea"),
];

/// Differences between the engines found when this test was written, each exactly as
/// `differences` words it, with the reason it is accepted. Removing the difference
/// from the migrations makes the test fail until its line is removed here too.
const KNOWN_DIFFERENCES: &[(&str, &str)] = &[
    // SQLite has no boolean type, so 0001 fences the flags of `services` with a CHECK
    // each; PostgreSQL's `boolean` needs none. (The flags of 0002, i.e.
    // `staff_users.must_change_password`, `staff_users.disabled` and
    // `sessions.second_factor`, have no such CHECK in SQLite.)
    (
        "`services`: CHECK on (worldwide) with literals 0, 1 only in SQLite",
        "boolean domain, implied by PostgreSQL's type",
    ),
    (
        "`services`: CHECK on (remote_areas) with literals 0, 1 only in SQLite",
        "boolean domain, implied by PostgreSQL's type",
    ),
    (
        "`services`: CHECK on (family_eligible) with literals 0, 1 only in SQLite",
        "boolean domain, implied by PostgreSQL's type",
    ),
    (
        "`services`: CHECK on (open) with literals 0, 1 only in SQLite",
        "boolean domain, implied by PostgreSQL's type",
    ),
];

// ---------------------------------------------------------------------------------
// The model both catalogues are read into.

#[derive(Debug, Default)]
struct Schema {
    /// Applied migrations: version and description.
    migrations: Vec<(i64, String)>,
    tables: BTreeMap<String, Table>,
}

#[derive(Debug, Default)]
struct Table {
    /// By name: the order of columns is not compared (the store names every column).
    columns: BTreeMap<String, Column>,
    /// In key order.
    primary_key: Vec<String>,
    /// UNIQUE constraints and unique indexes alike, primary key excluded.
    unique: BTreeSet<Index>,
    /// Indexes that are neither unique nor the primary key.
    indexes: BTreeSet<Index>,
    foreign_keys: BTreeSet<ForeignKey>,
    /// Sorted, so equal multisets compare equal.
    checks: Vec<Check>,
}

#[derive(Debug, Clone)]
struct Column {
    type_name: String,
    not_null: bool,
}

impl fmt::Display for Column {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let nullness = if self.not_null {
            "NOT NULL"
        } else {
            "nullable"
        };
        write!(f, "{}, {nullness}", self.type_name)
    }
}

/// An index by its key columns; names differ between engines (SQLite's automatic
/// indexes are `sqlite_autoindex_*`) and are not compared. An expression in the key
/// is `<expression>` on both sides: its text is not compared.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Index {
    columns: Vec<String>,
    partial: bool,
}

impl fmt::Display for Index {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "({})", self.columns.join(", "))?;
        if self.partial {
            write!(f, " WHERE …")?;
        }
        Ok(())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct ForeignKey {
    columns: Vec<String>,
    table: String,
    references: Vec<String>,
    on_update: String,
    on_delete: String,
}

impl fmt::Display for ForeignKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "({}) → {} ({}) ON UPDATE {} ON DELETE {}",
            self.columns.join(", "),
            self.table,
            self.references.join(", "),
            self.on_update,
            self.on_delete
        )
    }
}

/// A CHECK constraint by fingerprint: the columns it mentions and the literals it
/// holds. Its text is not compared: PostgreSQL stores a rewritten form
/// (`list IN ('a', 'b')` comes back as `(list = ANY (ARRAY['a'::text, 'b'::text]))`,
/// negative numbers as `'-1'::integer`), so comparing operators would need a parser
/// of both dialects. Two checks on the same columns with the same literals but
/// different operators (`>=` against `>`) are therefore not told apart.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Check {
    columns: BTreeSet<String>,
    literals: Vec<String>,
}

impl fmt::Display for Check {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let columns: Vec<&str> = self.columns.iter().map(String::as_str).collect();
        write!(f, "CHECK on ({})", columns.join(", "))?;
        if !self.literals.is_empty() {
            write!(f, " with literals {}", self.literals.join(", "))?;
        }
        Ok(())
    }
}

// ---------------------------------------------------------------------------------
// Reading SQLite's catalogue.

async fn read_sqlite(db: &TestDb) -> Schema {
    let options = SqliteConnectOptions::new().filename(&db.location);
    let mut conn = SqliteConnection::connect_with(&options).await.unwrap();
    let migrations = sqlx::query_as::<_, (i64, String)>(
        "SELECT version, description FROM _sqlx_migrations WHERE success ORDER BY version",
    )
    .fetch_all(&mut conn)
    .await
    .unwrap();
    let table_rows = sqlx::query_as::<_, (String, String)>(
        r"SELECT name, sql FROM sqlite_master
          WHERE type = 'table' AND name <> '_sqlx_migrations'
            AND name NOT LIKE 'sqlite\_%' ESCAPE '\'
          ORDER BY name",
    )
    .fetch_all(&mut conn)
    .await
    .unwrap();

    let mut tables = BTreeMap::new();
    for (name, sql) in table_rows {
        let mut table = Table::default();

        let columns = sqlx::query_as::<_, (String, String, i64, i64)>(
            r#"SELECT name, type, "notnull", pk FROM pragma_table_info(?1) ORDER BY cid"#,
        )
        .bind(&name)
        .fetch_all(&mut conn)
        .await
        .unwrap();
        let mut primary_key: Vec<(i64, String)> = Vec::new();
        for (column, type_name, not_null, pk) in columns {
            if pk > 0 {
                primary_key.push((pk, column.clone()));
            }
            table.columns.insert(
                column,
                Column {
                    type_name: type_name.to_uppercase(),
                    not_null: not_null != 0,
                },
            );
        }
        primary_key.sort();
        table.primary_key = primary_key.into_iter().map(|(_, c)| c).collect();

        let indexes = sqlx::query_as::<_, (String, i64, String, i64)>(
            r#"SELECT name, "unique", origin, partial FROM pragma_index_list(?1)"#,
        )
        .bind(&name)
        .fetch_all(&mut conn)
        .await
        .unwrap();
        for (index, unique, origin, partial) in indexes {
            if origin == "pk" {
                continue;
            }
            let columns = sqlx::query_scalar::<_, Option<String>>(
                "SELECT name FROM pragma_index_info(?1) ORDER BY seqno",
            )
            .bind(&index)
            .fetch_all(&mut conn)
            .await
            .unwrap();
            let index = Index {
                columns: columns
                    .into_iter()
                    .map(|c| c.unwrap_or_else(|| "<expression>".into()))
                    .collect(),
                partial: partial != 0,
            };
            if unique != 0 {
                table.unique.insert(index);
            } else {
                table.indexes.insert(index);
            }
        }

        type FkRow = (i64, String, String, Option<String>, String, String);
        let references = sqlx::query_as::<_, FkRow>(
            r#"SELECT id, "table", "from", "to", on_update, on_delete
               FROM pragma_foreign_key_list(?1) ORDER BY id, seq"#,
        )
        .bind(&name)
        .fetch_all(&mut conn)
        .await
        .unwrap();
        let mut foreign_keys: BTreeMap<i64, ForeignKey> = BTreeMap::new();
        for (id, parent, from, to, on_update, on_delete) in references {
            let key = foreign_keys.entry(id).or_insert_with(|| ForeignKey {
                columns: Vec::new(),
                table: parent.clone(),
                references: Vec::new(),
                on_update,
                on_delete,
            });
            key.columns.push(from);
            // `REFERENCES parent` without columns means the parent's primary key.
            let to = match to {
                Some(to) => to,
                None => sqlx::query_scalar::<_, String>(
                    "SELECT name FROM pragma_table_info(?1) WHERE pk = ?2",
                )
                .bind(&parent)
                .bind(i64::try_from(key.references.len()).unwrap() + 1)
                .fetch_one(&mut conn)
                .await
                .unwrap(),
            };
            key.references.push(to);
        }
        table.foreign_keys = foreign_keys.into_values().collect();

        // SQLite keeps no catalogue of CHECKs: they are read from the CREATE TABLE.
        let column_names: BTreeSet<String> = table.columns.keys().cloned().collect();
        table.checks = check_bodies(&sql)
            .iter()
            .map(|body| fingerprint(body, &column_names))
            .collect();
        table.checks.sort();

        tables.insert(name, table);
    }
    conn.close().await.unwrap();
    Schema { migrations, tables }
}

// ---------------------------------------------------------------------------------
// Reading PostgreSQL's catalogue (the test database's current schema only).

/// The current schema's tables, for `pg_class` rows; `_sqlx_migrations` excluded.
const PG_OWN_TABLE: &str = "r.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema()) AND r.relname <> '_sqlx_migrations'";

async fn read_postgres(db: &TestDb) -> Schema {
    let mut conn = PgConnection::connect(&db.location).await.unwrap();
    let migrations = sqlx::query_as::<_, (i64, String)>(
        "SELECT version, description FROM _sqlx_migrations WHERE success ORDER BY version",
    )
    .fetch_all(&mut conn)
    .await
    .unwrap();

    let mut tables: BTreeMap<String, Table> = BTreeMap::new();
    let names = sqlx::query_scalar::<_, String>(
        "SELECT table_name::text FROM information_schema.tables
         WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
           AND table_name <> '_sqlx_migrations'",
    )
    .fetch_all(&mut conn)
    .await
    .unwrap();
    for name in names {
        tables.insert(name, Table::default());
    }

    let columns = sqlx::query_as::<_, (String, String, String, String)>(
        "SELECT table_name::text, column_name::text, data_type::text, is_nullable::text
         FROM information_schema.columns
         WHERE table_schema = current_schema() AND table_name <> '_sqlx_migrations'
           AND table_name IN (SELECT table_name FROM information_schema.tables
                              WHERE table_schema = current_schema()
                                AND table_type = 'BASE TABLE')
         ORDER BY table_name, ordinal_position",
    )
    .fetch_all(&mut conn)
    .await
    .unwrap();
    for (name, column, type_name, nullable) in columns {
        table(&mut tables, &name).columns.insert(
            column,
            Column {
                type_name,
                not_null: nullable == "NO",
            },
        );
    }

    let primary_keys = sqlx::query_as::<_, (String, String)>(sqlx::AssertSqlSafe(format!(
        "SELECT r.relname::text, a.attname::text
         FROM pg_constraint c
         JOIN pg_class r ON r.oid = c.conrelid
         CROSS JOIN LATERAL unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord)
         JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
         WHERE c.contype = 'p' AND {PG_OWN_TABLE}
         ORDER BY r.relname, k.ord"
    )))
    .fetch_all(&mut conn)
    .await
    .unwrap();
    for (name, column) in primary_keys {
        table(&mut tables, &name).primary_key.push(column);
    }

    // Unique constraints are backed by unique indexes, so `pg_index` covers both. A
    // key entry of 0 in `indkey` is an expression.
    type IndexRow = (String, String, bool, bool, Option<String>);
    let index_rows = sqlx::query_as::<_, IndexRow>(sqlx::AssertSqlSafe(format!(
        "SELECT r.relname::text, x.relname::text, i.indisunique, i.indpred IS NOT NULL,
                a.attname::text
         FROM pg_index i
         JOIN pg_class r ON r.oid = i.indrelid
         JOIN pg_class x ON x.oid = i.indexrelid
         CROSS JOIN LATERAL generate_series(0, i.indnkeyatts - 1) AS k(n)
         LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[k.n]
                                 AND i.indkey[k.n] <> 0
         WHERE NOT i.indisprimary AND {PG_OWN_TABLE}
         ORDER BY r.relname, x.relname, k.n"
    )))
    .fetch_all(&mut conn)
    .await
    .unwrap();
    let mut indexes: BTreeMap<(String, String), (bool, Index)> = BTreeMap::new();
    for (name, index, unique, partial, column) in index_rows {
        let entry = indexes.entry((name, index)).or_insert_with(|| {
            (
                unique,
                Index {
                    columns: Vec::new(),
                    partial,
                },
            )
        });
        entry
            .1
            .columns
            .push(column.unwrap_or_else(|| "<expression>".into()));
    }
    for ((name, _), (unique, index)) in indexes {
        let table = table(&mut tables, &name);
        if unique {
            table.unique.insert(index);
        } else {
            table.indexes.insert(index);
        }
    }

    type FkRow = (String, String, String, String, String, String, String);
    let fk_rows = sqlx::query_as::<_, FkRow>(sqlx::AssertSqlSafe(format!(
        "SELECT r.relname::text, c.conname::text, f.relname::text, a.attname::text,
                fa.attname::text, c.confupdtype::text, c.confdeltype::text
         FROM pg_constraint c
         JOIN pg_class r ON r.oid = c.conrelid
         JOIN pg_class f ON f.oid = c.confrelid
         CROSS JOIN LATERAL unnest(c.conkey, c.confkey) WITH ORDINALITY AS k(attnum, fattnum, ord)
         JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
         JOIN pg_attribute fa ON fa.attrelid = c.confrelid AND fa.attnum = k.fattnum
         WHERE c.contype = 'f' AND {PG_OWN_TABLE}
         ORDER BY r.relname, c.conname, k.ord"
    )))
    .fetch_all(&mut conn)
    .await
    .unwrap();
    let mut foreign_keys: BTreeMap<(String, String), ForeignKey> = BTreeMap::new();
    for (name, constraint, parent, from, to, on_update, on_delete) in fk_rows {
        let key = foreign_keys
            .entry((name, constraint))
            .or_insert_with(|| ForeignKey {
                columns: Vec::new(),
                table: parent,
                references: Vec::new(),
                on_update: pg_action(&on_update),
                on_delete: pg_action(&on_delete),
            });
        key.columns.push(from);
        key.references.push(to);
    }
    for ((name, _), key) in foreign_keys {
        table(&mut tables, &name).foreign_keys.insert(key);
    }

    let checks = sqlx::query_as::<_, (String, String)>(sqlx::AssertSqlSafe(format!(
        "SELECT r.relname::text, pg_get_constraintdef(c.oid, true)
         FROM pg_constraint c
         JOIN pg_class r ON r.oid = c.conrelid
         WHERE c.contype = 'c' AND {PG_OWN_TABLE}"
    )))
    .fetch_all(&mut conn)
    .await
    .unwrap();
    for (name, definition) in checks {
        let table = table(&mut tables, &name);
        let column_names: BTreeSet<String> = table.columns.keys().cloned().collect();
        for body in check_bodies(&definition) {
            table.checks.push(fingerprint(&body, &column_names));
        }
    }
    for table in tables.values_mut() {
        table.checks.sort();
    }

    conn.close().await.unwrap();
    Schema { migrations, tables }
}

/// The entry of a table already listed from `information_schema.tables`.
fn table<'a>(tables: &'a mut BTreeMap<String, Table>, name: &str) -> &'a mut Table {
    tables
        .get_mut(name)
        .unwrap_or_else(|| panic!("catalogue row for unlisted table {name}"))
}

/// `pg_constraint.confupdtype`/`confdeltype` in the words SQLite's
/// `pragma_foreign_key_list` uses.
fn pg_action(code: &str) -> String {
    match code {
        "a" => "NO ACTION",
        "r" => "RESTRICT",
        "c" => "CASCADE",
        "n" => "SET NULL",
        "d" => "SET DEFAULT",
        other => panic!("unknown foreign key action {other:?}"),
    }
    .into()
}

// ---------------------------------------------------------------------------------
// CHECK constraints: a small SQL tokenizer, enough for both dialects' CHECK text.

#[derive(Debug, Clone, PartialEq)]
enum Token {
    /// A bare word, lowercased: keyword or identifier.
    Word(String),
    /// A quoted identifier ("x" or `x`), as written.
    Quoted(String),
    /// A string or number literal's value; a negative number keeps its sign.
    Literal(String),
    Punct(char),
}

fn tokenize(sql: &str) -> Vec<Token> {
    let chars: Vec<char> = sql.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c.is_whitespace() {
            i += 1;
        } else if c == '-' && next == Some('-') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            i += 2;
            while i < chars.len() && !(chars[i] == '*' && chars.get(i + 1) == Some(&'/')) {
                i += 1;
            }
            i += 2;
        } else if c == '\'' || c == '"' || c == '`' {
            // A doubled quote inside is one quote character.
            let mut text = String::new();
            i += 1;
            while i < chars.len() {
                if chars[i] == c {
                    if chars.get(i + 1) == Some(&c) {
                        text.push(c);
                        i += 2;
                        continue;
                    }
                    break;
                }
                text.push(chars[i]);
                i += 1;
            }
            i += 1;
            tokens.push(if c == '\'' {
                Token::Literal(text)
            } else {
                Token::Quoted(text)
            });
        } else if c.is_ascii_digit()
            || (c == '-'
                && next.is_some_and(|n| n.is_ascii_digit())
                && !matches!(
                    tokens.last(),
                    Some(Token::Word(_) | Token::Quoted(_) | Token::Literal(_) | Token::Punct(')'))
                ))
        {
            let start = i;
            i += 1;
            while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '.') {
                i += 1;
            }
            tokens.push(Token::Literal(chars[start..i].iter().collect()));
        } else if c.is_alphabetic() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            tokens.push(Token::Word(word.to_lowercase()));
        } else {
            tokens.push(Token::Punct(c));
            i += 1;
        }
    }
    tokens
}

/// The bodies of every `CHECK (…)` in `sql`, as tokens inside the parentheses.
fn check_bodies(sql: &str) -> Vec<Vec<Token>> {
    let tokens = tokenize(sql);
    let mut bodies = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if tokens[i] == Token::Word("check".into()) && tokens.get(i + 1) == Some(&Token::Punct('('))
        {
            let mut depth = 0_usize;
            let mut body = Vec::new();
            i += 1;
            while i < tokens.len() {
                match tokens[i] {
                    Token::Punct('(') => depth += 1,
                    Token::Punct(')') => depth -= 1,
                    _ => {}
                }
                if depth == 0 {
                    break;
                }
                body.push(tokens[i].clone());
                i += 1;
            }
            // Without the opening parenthesis.
            body.remove(0);
            bodies.push(body);
        }
        i += 1;
    }
    bodies
}

fn fingerprint(body: &[Token], column_names: &BTreeSet<String>) -> Check {
    let mut columns = BTreeSet::new();
    let mut literals = Vec::new();
    for token in body {
        match token {
            Token::Word(word) | Token::Quoted(word) => {
                let word = word.to_lowercase();
                if column_names.contains(&word) {
                    columns.insert(word);
                }
            }
            Token::Literal(value) => literals.push(value.clone()),
            Token::Punct(_) => {}
        }
    }
    literals.sort();
    Check { columns, literals }
}

// ---------------------------------------------------------------------------------
// Comparing.

fn types_pair(sqlite: &str, postgres: &str) -> bool {
    TYPE_PAIRS
        .iter()
        .any(|&(s, p)| s == sqlite && p == postgres)
}

fn list(columns: &[String]) -> String {
    format!("({})", columns.join(", "))
}

/// Every difference between the two schemas, one line each, naming what differs.
fn differences(sqlite: &Schema, postgres: &Schema) -> Vec<String> {
    let mut out = Vec::new();
    if sqlite.migrations != postgres.migrations {
        out.push(format!(
            "applied migrations differ: SQLite {:?}, PostgreSQL {:?}",
            sqlite.migrations, postgres.migrations
        ));
    }
    for name in sqlite.tables.keys() {
        if !postgres.tables.contains_key(name) {
            out.push(format!("table `{name}` only in SQLite"));
        }
    }
    for name in postgres.tables.keys() {
        if !sqlite.tables.contains_key(name) {
            out.push(format!("table `{name}` only in PostgreSQL"));
        }
    }
    for (name, s) in &sqlite.tables {
        if let Some(p) = postgres.tables.get(name) {
            table_differences(name, s, p, &mut out);
        }
    }
    out
}

fn table_differences(name: &str, s: &Table, p: &Table, out: &mut Vec<String>) {
    for (column, sc) in &s.columns {
        match p.columns.get(column) {
            None => out.push(format!("`{name}.{column}`: column only in SQLite ({sc})")),
            Some(pc) => {
                if sc.not_null != pc.not_null {
                    let word = |not_null| if not_null { "NOT NULL" } else { "nullable" };
                    out.push(format!(
                        "`{name}.{column}`: {} in SQLite, {} in PostgreSQL",
                        word(sc.not_null),
                        word(pc.not_null)
                    ));
                }
                if !types_pair(&sc.type_name, &pc.type_name) {
                    out.push(format!(
                        "`{name}.{column}`: SQLite type {} and PostgreSQL type {} are not a \
                         pair in TYPE_PAIRS",
                        sc.type_name, pc.type_name
                    ));
                }
            }
        }
    }
    for (column, pc) in &p.columns {
        if !s.columns.contains_key(column) {
            out.push(format!(
                "`{name}.{column}`: column only in PostgreSQL ({pc})"
            ));
        }
    }
    if s.primary_key != p.primary_key {
        out.push(format!(
            "`{name}`: primary key {} in SQLite, {} in PostgreSQL",
            list(&s.primary_key),
            list(&p.primary_key)
        ));
    }
    set_differences(name, "unique", &s.unique, &p.unique, out);
    set_differences(name, "index", &s.indexes, &p.indexes, out);
    set_differences(name, "foreign key", &s.foreign_keys, &p.foreign_keys, out);
    // Multisets: a CHECK written twice on one side counts twice.
    let mut counts: BTreeMap<&Check, (usize, usize)> = BTreeMap::new();
    for check in &s.checks {
        counts.entry(check).or_default().0 += 1;
    }
    for check in &p.checks {
        counts.entry(check).or_default().1 += 1;
    }
    for (check, (in_sqlite, in_postgres)) in counts {
        if in_sqlite > in_postgres {
            let times = in_sqlite - in_postgres;
            let times = if times > 1 {
                format!(" ({times} times)")
            } else {
                String::new()
            };
            out.push(format!("`{name}`: {check} only in SQLite{times}"));
        } else if in_postgres > in_sqlite {
            let times = in_postgres - in_sqlite;
            let times = if times > 1 {
                format!(" ({times} times)")
            } else {
                String::new()
            };
            out.push(format!("`{name}`: {check} only in PostgreSQL{times}"));
        }
    }
}

fn set_differences<T: Ord + fmt::Display>(
    name: &str,
    what: &str,
    s: &BTreeSet<T>,
    p: &BTreeSet<T>,
    out: &mut Vec<String>,
) {
    for item in s.difference(p) {
        out.push(format!("`{name}`: {what} {item} only in SQLite"));
    }
    for item in p.difference(s) {
        out.push(format!("`{name}`: {what} {item} only in PostgreSQL"));
    }
}

/// Fails, listing them, on differences not in `KNOWN_DIFFERENCES` and on listed ones
/// that are no longer found.
fn assert_parity(found: &[String]) {
    let unexpected: Vec<&String> = found
        .iter()
        .filter(|d| !KNOWN_DIFFERENCES.iter().any(|(known, _)| known == d))
        .collect();
    let gone: Vec<&str> = KNOWN_DIFFERENCES
        .iter()
        .map(|&(known, _)| known)
        .filter(|known| !found.iter().any(|d| d == known))
        .collect();
    if unexpected.is_empty() && gone.is_empty() {
        return;
    }
    let mut message = String::from("the SQLite and PostgreSQL schemas do not match\n");
    if !unexpected.is_empty() {
        message.push_str(&format!(
            "\n{} difference(s) between the migrations in crates/store/migrations/sqlite and \
             crates/store/migrations/postgres:\n",
            unexpected.len()
        ));
        for difference in unexpected {
            message.push_str(&format!("  - {difference}\n"));
        }
        message.push_str(
            "Make both engines' migrations agree; a deliberate difference goes into \
             KNOWN_DIFFERENCES with its reason, a new pair of types into TYPE_PAIRS.\n",
        );
    }
    if !gone.is_empty() {
        message.push_str(
            "\nlisted in KNOWN_DIFFERENCES but no longer found (remove them from the list):\n",
        );
        for known in gone {
            message.push_str(&format!("  - {known}\n"));
        }
    }
    panic!("{message}");
}

// ---------------------------------------------------------------------------------
// The tests.

#[tokio::test]
async fn sqlite_and_postgres_migrate_to_the_same_schema() {
    let sqlite_db = TestDb::sqlite();
    let postgres_db = TestDb::postgres().await;
    // Opening migrates, with the migrations compiled into the store.
    drop(sqlite_db.open().await);
    drop(postgres_db.open().await);

    let sqlite = read_sqlite(&sqlite_db).await;
    let postgres = read_postgres(&postgres_db).await;

    // A catalogue query that silently matched nothing would make the comparison
    // vacuous: each side must have found every kind of thing the migrations create.
    for (engine, schema) in [("SQLite", &sqlite), ("PostgreSQL", &postgres)] {
        let tables = schema.tables.values();
        assert!(
            !schema.migrations.is_empty(),
            "{engine}: no migrations read"
        );
        assert!(!schema.tables.is_empty(), "{engine}: no tables read");
        assert!(
            schema.tables.values().all(|t| !t.columns.is_empty()),
            "{engine}: a table without columns: {:?}",
            schema.tables.keys().collect::<Vec<_>>()
        );
        assert!(
            tables.clone().any(|t| !t.primary_key.is_empty()),
            "{engine}: no primary keys read"
        );
        assert!(
            tables.clone().any(|t| !t.unique.is_empty()),
            "{engine}: no unique constraints read"
        );
        assert!(
            tables.clone().any(|t| !t.indexes.is_empty()),
            "{engine}: no indexes read"
        );
        assert!(
            tables.clone().any(|t| !t.foreign_keys.is_empty()),
            "{engine}: no foreign keys read"
        );
        assert!(
            tables.clone().any(|t| !t.checks.is_empty()),
            "{engine}: no CHECKs read"
        );
    }

    let found = differences(&sqlite, &postgres);
    let columns: usize = sqlite
        .tables
        .iter()
        .filter_map(|(name, s)| postgres.tables.get(name).map(|p| (s, p)))
        .map(|(s, p)| {
            s.columns
                .keys()
                .filter(|c| p.columns.contains_key(*c))
                .count()
        })
        .sum();
    println!(
        "compared {} tables and {columns} columns; {} difference(s) found, {} listed as known",
        sqlite.tables.len(),
        found.len(),
        KNOWN_DIFFERENCES.len()
    );
    assert_parity(&found);
}

#[test]
fn a_check_reads_the_same_in_both_dialects() {
    let columns: BTreeSet<String> = ["list", "version", "code"].map(String::from).into();
    let sqlite = check_bodies(
        "CREATE TABLE t (list TEXT NOT NULL -- a comment with CHECK (x)\n\
         CHECK (list IN ('country', 'it''s', 'language')), version INTEGER CHECK (version >= -1))",
    );
    let postgres: Vec<Vec<Token>> = [
        "CHECK ((list = ANY (ARRAY['country'::text, 'it''s'::text, 'language'::text])))",
        "CHECK ((version >= '-1'::integer))",
    ]
    .iter()
    .flat_map(|definition| check_bodies(definition))
    .collect();
    let print = |bodies: &[Vec<Token>]| -> Vec<String> {
        bodies
            .iter()
            .map(|body| fingerprint(body, &columns).to_string())
            .collect()
    };
    assert_eq!(
        print(&sqlite),
        [
            "CHECK on (list) with literals country, it's, language",
            "CHECK on (version) with literals -1"
        ]
    );
    assert_eq!(print(&sqlite), print(&postgres));
}

#[test]
fn every_kind_of_difference_is_named() {
    let column = |type_name: &str, not_null| Column {
        type_name: type_name.into(),
        not_null,
    };
    let mut s = Table::default();
    s.columns.insert("id".into(), column("BLOB", true));
    s.columns.insert("flag".into(), column("INTEGER", true));
    s.columns.insert("extra".into(), column("TEXT", false));
    s.primary_key = vec!["id".into()];
    let mut p = Table::default();
    p.columns.insert("id".into(), column("uuid", true));
    p.columns.insert("flag".into(), column("text", false));
    p.primary_key = vec!["id".into(), "flag".into()];
    p.unique.insert(Index {
        columns: vec!["flag".into()],
        partial: false,
    });
    let sqlite = Schema {
        migrations: vec![(1, "one".into())],
        tables: [
            ("t".to_owned(), s),
            ("only_here".to_owned(), Table::default()),
        ]
        .into(),
    };
    let postgres = Schema {
        migrations: vec![(1, "one".into())],
        tables: [("t".to_owned(), p)].into(),
    };
    assert_eq!(
        differences(&sqlite, &postgres),
        [
            "table `only_here` only in SQLite",
            "`t.extra`: column only in SQLite (TEXT, nullable)",
            "`t.flag`: NOT NULL in SQLite, nullable in PostgreSQL",
            "`t.flag`: SQLite type INTEGER and PostgreSQL type text are not a pair in TYPE_PAIRS",
            "`t`: primary key (id) in SQLite, (id, flag) in PostgreSQL",
            "`t`: unique (flag) only in PostgreSQL",
        ]
    );
}
