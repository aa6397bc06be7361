//! A `torchlight serve|demo` child process whose every line of output is kept (to
//! look for secrets in it), and a minimal browser for the staff pages: a cookie
//! jar, no automatic redirects, forms posted with their CSRF token.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read};
use std::process::{Child, Stdio};
use std::sync::{mpsc, Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use reqwest::header::{COOKIE, LOCATION, SET_COOKIE};

use crate::support::World;

/// A running server, killed when dropped so a failing test leaves none behind.
pub struct Running {
    child: Child,
    pub base: String,
    output: Arc<Mutex<String>>,
    readers: Vec<JoinHandle<()>>,
}

/// Copies a pipe line by line into `output`, sending the first line to `first`.
fn collect(
    pipe: impl Read + Send + 'static,
    output: Arc<Mutex<String>>,
    first: Option<mpsc::Sender<String>>,
) -> JoinHandle<()> {
    std::thread::spawn(move || {
        let mut first = first;
        for line in BufReader::new(pipe).lines() {
            let Ok(line) = line else { break };
            if let Some(sender) = first.take() {
                let _ = sender.send(line.clone());
            }
            let mut text = output.lock().unwrap_or_else(|e| e.into_inner());
            text.push_str(&line);
            text.push('\n');
        }
    })
}

impl Running {
    /// Starts the binary with `args` and extra environment `env`, and waits for the
    /// line with its address.
    pub fn start(world: &World, args: &[&str], env: &[(&str, &str)]) -> Running {
        let mut child = world
            .command(args)
            .envs(env.iter().copied())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start the binary");
        let output = Arc::new(Mutex::new(String::new()));
        let (first_line, receiver) = mpsc::channel();
        let readers = vec![
            collect(
                child.stdout.take().expect("stdout"),
                output.clone(),
                Some(first_line),
            ),
            collect(child.stderr.take().expect("stderr"), output.clone(), None),
        ];
        let mut running = Running {
            child,
            base: String::new(),
            output,
            readers,
        };
        match receiver.recv_timeout(Duration::from_secs(120)) {
            Ok(line) => match line.split_once("http://") {
                Some((_, rest)) => {
                    let address = rest.split('/').next().unwrap_or_default();
                    assert!(!address.ends_with(":0"), "no real port in {line:?}");
                    running.base = format!("http://{address}");
                }
                None => running.fail(&format!("the first line names no URL: {line:?}")),
            },
            Err(_) => running.fail(&format!(
                "`torchlight {}` printed no address",
                args.join(" ")
            )),
        }
        running
    }

    /// `torchlight serve` on a free port with the world's data directory.
    pub fn serve(world: &World, env: &[(&str, &str)]) -> Running {
        Running::start(
            world,
            &["serve", "--listen", "127.0.0.1:0", "--data-dir", "data"],
            env,
        )
    }

    /// `torchlight demo` on a free port with the world's data directory.
    pub fn demo(world: &World) -> Running {
        Running::start(
            world,
            &["demo", "--listen", "127.0.0.1:0", "--data-dir", "data"],
            &[],
        )
    }

    fn fail(&mut self, what: &str) -> ! {
        let output = self.stop();
        panic!("{what}\n--- output ---\n{output}");
    }

    /// What the server printed so far, standard output and standard error.
    pub fn output(&self) -> String {
        self.output
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Stops the server and returns everything it printed.
    pub fn stop(&mut self) -> String {
        let _ = self.child.kill();
        let _ = self.child.wait();
        for reader in self.readers.drain(..) {
            let _ = reader.join();
        }
        self.output()
    }

    pub fn browser(&self) -> Browser {
        Browser::new(&self.base)
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One response: status, where it redirects, body.
#[derive(Debug)]
pub struct Page {
    pub status: u16,
    pub location: Option<String>,
    pub body: String,
}

impl Page {
    /// The value of the first `<input ... name="NAME" value="...">` of the page.
    pub fn hidden(&self, name: &str) -> String {
        let marker = format!("name=\"{name}\" value=\"");
        let start = self
            .body
            .find(&marker)
            .unwrap_or_else(|| panic!("no field {name} on the page:\n{}", self.body))
            + marker.len();
        let rest = &self.body[start..];
        rest[..rest.find('"').expect("closing quote")].to_owned()
    }

    /// The text of the element that starts with `open`, up to the next `<`.
    pub fn text_after(&self, open: &str) -> String {
        let start = self
            .body
            .find(open)
            .unwrap_or_else(|| panic!("no {open} on the page:\n{}", self.body))
            + open.len();
        let rest = &self.body[start..];
        rest[..rest.find('<').expect("an element after")]
            .trim()
            .to_owned()
    }

    /// Asserts a 303 to a path ending with `path` (a language prefix is allowed).
    pub fn redirects_to(&self, path: &str) {
        assert_eq!(self.status, 303, "expected a redirect to {path}: {self:?}");
        let location = self.location.as_deref().unwrap_or_default();
        assert!(
            location.ends_with(path),
            "redirected to {location}, not {path}"
        );
    }
}

/// A browser of one person: cookies kept between requests, redirects not followed.
pub struct Browser {
    base: String,
    client: reqwest::Client,
    cookies: Mutex<BTreeMap<String, String>>,
}

impl Browser {
    pub fn new(base: &str) -> Browser {
        Browser {
            base: base.to_owned(),
            client: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .expect("HTTP client"),
            cookies: Mutex::new(BTreeMap::new()),
        }
    }

    /// The value of a cookie the server set, if it is still set.
    pub fn cookie(&self, name: &str) -> Option<String> {
        let cookies = self.cookies.lock().unwrap_or_else(|e| e.into_inner());
        cookies.get(name).cloned()
    }

    fn cookie_header(&self) -> String {
        let cookies = self.cookies.lock().unwrap_or_else(|e| e.into_inner());
        cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    async fn finish(&self, what: &str, request: reqwest::RequestBuilder) -> Page {
        let cookie = self.cookie_header();
        let request = if cookie.is_empty() {
            request
        } else {
            request.header(COOKIE, cookie)
        };
        let response = request
            .send()
            .await
            .unwrap_or_else(|e| panic!("{what}: {e}"));
        {
            let mut cookies = self.cookies.lock().unwrap_or_else(|e| e.into_inner());
            for set in response.headers().get_all(SET_COOKIE) {
                let set = set.to_str().expect("ASCII cookie");
                let pair = set.split(';').next().unwrap_or_default();
                let Some((name, value)) = pair.split_once('=') else {
                    continue;
                };
                let expired = set.to_ascii_lowercase().contains("max-age=0");
                if value.is_empty() || expired {
                    cookies.remove(name.trim());
                } else {
                    cookies.insert(name.trim().to_owned(), value.to_owned());
                }
            }
        }
        let status = response.status().as_u16();
        let location = response
            .headers()
            .get(LOCATION)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let body = response.text().await.expect("body");
        Page {
            status,
            location,
            body,
        }
    }

    pub async fn get(&self, path: &str) -> Page {
        let request = self.client.get(format!("{}{path}", self.base));
        self.finish(&format!("GET {path}"), request).await
    }

    /// Posts `fields` as a form (the caller includes `csrf`).
    pub async fn post(&self, path: &str, fields: &[(&str, &str)]) -> Page {
        let body = fields
            .iter()
            .map(|(k, v)| format!("{}={}", form_encode(k), form_encode(v)))
            .collect::<Vec<_>>()
            .join("&");
        let request = self
            .client
            .post(format!("{}{path}", self.base))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body);
        self.finish(&format!("POST {path}"), request).await
    }
}

/// application/x-www-form-urlencoded, as a browser writes it.
fn form_encode(text: &str) -> String {
    let mut out = String::new();
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'*' => {
                out.push(byte as char)
            }
            b' ' => out.push('+'),
            other => out.push_str(&format!("%{other:02X}")),
        }
    }
    out
}

/// RFC 4648 base32 without padding, as the enrolment page shows the TOTP secret.
pub fn base32_decode(text: &str) -> Vec<u8> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let mut bits: u64 = 0;
    let mut count = 0;
    let mut out = Vec::new();
    for c in text.trim().trim_end_matches('=').bytes() {
        let value = ALPHABET
            .iter()
            .position(|&a| a == c.to_ascii_uppercase())
            .unwrap_or_else(|| panic!("not base32: {text:?}")) as u64;
        bits = (bits << 5) | value;
        count += 5;
        if count >= 8 {
            count -= 8;
            out.push((bits >> count) as u8);
            bits &= (1 << count) - 1;
        }
    }
    out
}
