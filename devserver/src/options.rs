//! The command line: `devserver [--dev] [--port N] [--host ADDR] [--static DIR] [--header H]...`.

use axum::http::{HeaderName, HeaderValue};
use clap::Parser;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::PathBuf;

/// phone-otp's devserver: the native protocol and a simulation of each provider's API, in
/// memory.
#[derive(Clone, Debug, Parser)]
#[command(name = "devserver", version)]
pub struct Options {
    /// Print codes, serve GET /__dev/outbox, POST /__dev/clock and /__dev/faults (never in
    /// production)
    #[arg(long)]
    pub dev: bool,
    /// Port to listen on (0 picks a free one)
    #[arg(long, value_name = "N", default_value_t = 8787)]
    pub port: u16,
    /// Address to bind
    #[arg(long, value_name = "ADDR", default_value_t = IpAddr::V4(Ipv4Addr::LOCALHOST))]
    pub host: IpAddr,
    /// Serve DIR at / beside the API, so the page and the API share one origin
    #[arg(long = "static", value_name = "DIR")]
    pub static_dir: Option<PathBuf>,
    /// Add "Name: value" to every response (a Content-Security-Policy, say); repeatable
    #[arg(long = "header", value_name = "H", value_parser = parse_header)]
    pub headers: Vec<Header>,
    /// Codes one client address may ask for per 10 minutes (default 20; off in dev mode unless
    /// given; 0 turns it off)
    #[arg(long, value_name = "N")]
    pub client_limit: Option<u32>,
    /// Let pages on origin O (https://shop.example) call the API (CORS); repeatable
    #[arg(long = "allow-origin", value_name = "O", value_parser = parse_origin)]
    pub allow_origins: Vec<HeaderValue>,
}

/// A response header from `--header`.
#[derive(Clone, Debug)]
pub struct Header(pub HeaderName, pub HeaderValue);

impl Default for Options {
    fn default() -> Self {
        Options::parse_from(["devserver"])
    }
}

impl Options {
    /// Where to listen.
    pub fn addr(&self) -> SocketAddr {
        SocketAddr::new(self.host, self.port)
    }

    /// Codes per client address per window: `--client-limit`, where 0 is none; by default
    /// [`crate::state::CLIENT_LIMIT`], or none in dev mode (tests send from one address).
    pub fn client_limit(&self) -> Option<u32> {
        match self.client_limit {
            Some(0) => None,
            Some(n) => Some(n),
            None if self.dev => None,
            None => Some(crate::state::CLIENT_LIMIT),
        }
    }
}

fn parse_header(header: &str) -> Result<Header, String> {
    let (name, value) = header
        .split_once(':')
        .ok_or(format!("needs \"Name: value\", not {header}"))?;
    let name = name
        .trim()
        .parse()
        .map_err(|_| format!("bad header name {name}"))?;
    let value = value
        .trim()
        .parse()
        .map_err(|_| format!("bad header value {value}"))?;
    Ok(Header(name, value))
}

fn parse_origin(origin: &str) -> Result<HeaderValue, String> {
    let trimmed = origin.trim_end_matches('/');
    // A wildcard would let every page use the API, credentials included: name the origins.
    if !trimmed.contains("://") {
        return Err(format!(
            "{origin} is not an origin like https://shop.example"
        ));
    }
    trimmed.parse().map_err(|_| format!("bad origin {origin}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Options, clap::Error> {
        Options::try_parse_from(std::iter::once("devserver").chain(args.iter().copied()))
    }

    #[test]
    fn flags_parse_as_before() {
        let o = parse(&[
            "--dev",
            "--port",
            "0",
            "--host",
            "0.0.0.0",
            "--static",
            "dist",
            "--header",
            "Content-Security-Policy: default-src 'self'",
            "--allow-origin",
            "https://shop.example/",
            "--allow-origin",
            "http://127.0.0.1:8080",
        ])
        .unwrap();
        assert!(o.dev);
        assert_eq!(o.addr().to_string(), "0.0.0.0:0");
        assert_eq!(o.static_dir, Some(PathBuf::from("dist")));
        assert_eq!(o.headers[0].0, "content-security-policy");
        assert_eq!(o.headers[0].1, "default-src 'self'");
        assert_eq!(
            o.allow_origins,
            ["https://shop.example", "http://127.0.0.1:8080"]
        );
        assert_eq!(
            o.client_limit(),
            None,
            "dev mode: no client limit by default"
        );
    }

    #[test]
    fn defaults_and_limits() {
        let o = Options::default();
        assert_eq!(o.addr().to_string(), "127.0.0.1:8787");
        assert_eq!(o.client_limit(), Some(crate::state::CLIENT_LIMIT));
        assert_eq!(
            parse(&["--client-limit", "0"]).unwrap().client_limit(),
            None
        );
        assert_eq!(
            parse(&["--dev", "--client-limit", "3"])
                .unwrap()
                .client_limit(),
            Some(3)
        );
    }

    #[test]
    fn bad_flags_are_refused() {
        for args in [
            &["--port", "x"][..],
            &["--header", "no colon"],
            &["--allow-origin", "*"],
            &["--host", "nowhere"],
            &["--frobnicate"],
        ] {
            assert!(parse(args).is_err(), "{args:?}");
        }
    }
}
