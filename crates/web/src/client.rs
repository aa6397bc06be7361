//! Who the client is, for the throttles only: the TCP peer when it connects
//! directly, the address a trusted reverse proxy names in its forwarding header,
//! and nobody in particular when clients cannot be told apart.
//!
//! Behind a proxy that is not declared, or over a Tor onion service (whose
//! visitors all arrive from the local tor daemon), every request comes from one
//! loopback address. Counting failures by that address would let anyone lock
//! every member of staff out; so a loopback peer that is not a trusted proxy, and
//! a trusted proxy that names nobody, give no client at all. The per-account
//! limits and the bounded hashing queue still hold there.

use std::net::{IpAddr, SocketAddr};

use axum::extract::{ConnectInfo, Request, State};
use axum::http::HeaderMap;
use axum::middleware::Next;
use axum::response::Response;

use crate::config::WebConfig;
use crate::state::AppState;

/// The client address of a request (`None`: not known), put in its extensions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientAddress(pub Option<IpAddr>);

/// Resolves the client of every request once, before any handler.
pub async fn resolve(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(address)| address.ip());
    let client = client_of(peer, request.headers(), state.config());
    request.extensions_mut().insert(ClientAddress(client));
    next.run(request).await
}

/// The rule, apart from the request plumbing.
pub fn client_of(peer: Option<IpAddr>, headers: &HeaderMap, config: &WebConfig) -> Option<IpAddr> {
    let peer = normalized(peer?);
    let trusted = |address: &IpAddr| config.trusted_proxies.contains(address);
    if trusted(&peer) {
        // Each proxy appends the address it received from; the nearest one that is
        // not itself a trusted proxy is the client. Anything further left was
        // written by the client and proves nothing.
        return forwarded_chain(headers, &config.client_address_header)
            .into_iter()
            .rev()
            .map(normalized)
            .find(|address| !trusted(address));
    }
    if peer.is_loopback() {
        return None;
    }
    Some(peer)
}

/// An IPv4 address mapped into IPv6 (`::ffff:192.0.2.1`) is the IPv4 address.
fn normalized(address: IpAddr) -> IpAddr {
    match address {
        IpAddr::V6(v6) => v6
            .to_ipv4_mapped()
            .map(IpAddr::V4)
            .unwrap_or(IpAddr::V6(v6)),
        v4 => v4,
    }
}

/// The addresses of `header`, in order, every occurrence of it joined: a list of
/// addresses (`X-Forwarded-For`, `X-Real-IP`) or RFC 7239 elements (`Forwarded`,
/// whose `for=` parameters are read). An entry that is no address (`unknown`, an
/// obfuscated name) stops the chain there: nothing before it can be trusted.
fn forwarded_chain(headers: &HeaderMap, header: &str) -> Vec<IpAddr> {
    let rfc7239 = header.eq_ignore_ascii_case("forwarded");
    let mut chain = Vec::new();
    for value in headers.get_all(header) {
        let Ok(value) = value.to_str() else {
            return Vec::new();
        };
        for element in value.split(',') {
            let text = if rfc7239 {
                element
                    .split(';')
                    .filter_map(|pair| pair.trim().split_once('='))
                    .find(|(name, _)| name.trim().eq_ignore_ascii_case("for"))
                    .map(|(_, value)| value.trim().trim_matches('"'))
                    .unwrap_or("")
            } else {
                element.trim()
            };
            match parse_address(text) {
                Some(address) => chain.push(address),
                // Keep only what comes after the unreadable entry.
                None => chain.clear(),
            }
        }
    }
    chain
}

/// `192.0.2.1`, `192.0.2.1:4711`, `2001:db8::1` or `[2001:db8::1]:4711`.
fn parse_address(text: &str) -> Option<IpAddr> {
    if let Ok(address) = text.parse::<IpAddr>() {
        return Some(address);
    }
    if let Ok(socket) = text.parse::<SocketAddr>() {
        return Some(socket.ip());
    }
    text.strip_prefix('[')
        .and_then(|rest| rest.split_once(']'))
        .and_then(|(inner, _)| inner.parse().ok())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    fn config(proxies: &[&str], header: &str) -> WebConfig {
        WebConfig {
            trusted_proxies: proxies.iter().map(|p| ip(p)).collect(),
            client_address_header: header.into(),
            ..WebConfig::default()
        }
    }

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.append(*name, value.parse().unwrap());
        }
        map
    }

    #[test]
    fn a_direct_client_is_its_peer_and_its_headers_are_ignored() {
        let forged = headers(&[("x-forwarded-for", "198.51.100.7")]);
        let direct = config(&[], "x-forwarded-for");
        assert_eq!(
            client_of(Some(ip("203.0.113.5")), &forged, &direct),
            Some(ip("203.0.113.5"))
        );
        assert_eq!(
            client_of(Some(ip("::ffff:203.0.113.5")), &HeaderMap::new(), &direct),
            Some(ip("203.0.113.5"))
        );
    }

    #[test]
    fn an_undeclared_local_proxy_or_onion_service_gives_no_client() {
        let onion = config(&[], "x-forwarded-for");
        for peer in ["127.0.0.1", "::1"] {
            assert_eq!(client_of(Some(ip(peer)), &HeaderMap::new(), &onion), None);
            let forged = headers(&[("x-forwarded-for", "198.51.100.7")]);
            assert_eq!(client_of(Some(ip(peer)), &forged, &onion), None);
        }
    }

    #[test]
    fn a_trusted_proxy_names_the_nearest_untrusted_hop() {
        let proxied = config(&["127.0.0.1", "10.0.0.2"], "x-forwarded-for");
        // The client wrote the first entry itself; the proxies added the rest.
        let chain = headers(&[("x-forwarded-for", "6.6.6.6, 203.0.113.9, 10.0.0.2")]);
        assert_eq!(
            client_of(Some(ip("127.0.0.1")), &chain, &proxied),
            Some(ip("203.0.113.9"))
        );
        // Two header lines read as one list.
        let split = headers(&[
            ("x-forwarded-for", "6.6.6.6"),
            ("x-forwarded-for", "203.0.113.9:5555"),
        ]);
        assert_eq!(
            client_of(Some(ip("127.0.0.1")), &split, &proxied),
            Some(ip("203.0.113.9"))
        );
        // A trusted proxy that names nobody: no client.
        assert_eq!(
            client_of(Some(ip("10.0.0.2")), &HeaderMap::new(), &proxied),
            None
        );
        // An untrusted peer's header proves nothing.
        assert_eq!(
            client_of(Some(ip("192.0.2.8")), &chain, &proxied),
            Some(ip("192.0.2.8"))
        );
    }

    #[test]
    fn forwarded_elements_and_unreadable_hops_are_handled() {
        let proxied = config(&["127.0.0.1"], "forwarded");
        let rfc = headers(&[(
            "forwarded",
            r#"for=6.6.6.6, for="[2001:db8::7]:4711";proto=https"#,
        )]);
        assert_eq!(
            client_of(Some(ip("127.0.0.1")), &rfc, &proxied),
            Some(ip("2001:db8::7"))
        );
        let hidden = headers(&[("forwarded", "for=203.0.113.9, for=_hidden")]);
        assert_eq!(client_of(Some(ip("127.0.0.1")), &hidden, &proxied), None);
        let real_ip = config(&["127.0.0.1"], "x-real-ip");
        let single = headers(&[("x-real-ip", "203.0.113.4")]);
        assert_eq!(
            client_of(Some(ip("127.0.0.1")), &single, &real_ip),
            Some(ip("203.0.113.4"))
        );
    }
}
