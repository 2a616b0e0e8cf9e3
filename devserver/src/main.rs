//! phone-otp's devserver: `devserver [--dev] [--port N] [--host H] [--static DIR]`.

mod app;
mod client;
mod clock;
mod cors;
mod dev;
mod error;
mod faults;
mod native;
mod providers;
mod store;

use app::Options;
use std::net::SocketAddr;
use std::process::ExitCode;

const USAGE: &str =
    "usage: devserver [--dev] [--port N] [--host ADDR] [--static DIR] [--header H]...
  --dev         print codes, serve GET /__dev/outbox and POST /__dev/clock (never in production)
  --port N      port to listen on (default 8787; 0 picks a free one)
  --host ADDR   address to bind (default 127.0.0.1)
  --static DIR  serve DIR at / beside the API
  --header H    add \"Name: value\" to every response (a Content-Security-Policy, say)
  --client-limit N  codes one client address may ask for per 10 minutes (default 20; off in
                dev mode unless given; 0 turns it off)
  --allow-origin O  let pages on origin O (https://shop.example) call the API (CORS); repeatable";

fn parse(args: impl Iterator<Item = String>) -> Result<(Options, SocketAddr), String> {
    let mut options = Options::default();
    let (mut host, mut port) = ("127.0.0.1".to_owned(), 8787u16);
    let mut args = args.peekable();
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--dev" => options.dev = true,
            "--port" => {
                port = value("--port")?
                    .parse()
                    .map_err(|_| "--port needs a number")?
            }
            "--host" => host = value("--host")?,
            "--static" => options.static_dir = Some(value("--static")?.into()),
            "--header" => {
                let header = value("--header")?;
                let (name, val) = header
                    .split_once(':')
                    .ok_or(format!("--header needs \"Name: value\", not {header}"))?;
                let name = name
                    .trim()
                    .parse()
                    .map_err(|_| format!("bad header name {name}"))?;
                let val = val
                    .trim()
                    .parse()
                    .map_err(|_| format!("bad header value {val}"))?;
                options.headers.push((name, val));
            }
            "--client-limit" => {
                options.client_limit = Some(
                    value("--client-limit")?
                        .parse()
                        .map_err(|_| "--client-limit needs a number")?,
                )
            }
            "--allow-origin" => {
                let origin = value("--allow-origin")?;
                options.allow_origins.push(
                    origin
                        .trim_end_matches('/')
                        .parse()
                        .map_err(|_| format!("bad origin {origin}"))?,
                );
            }
            "-h" | "--help" => return Err(String::new()),
            other => return Err(format!("unknown argument {other}")),
        }
    }
    let addr = format!("{host}:{port}")
        .parse()
        .map_err(|_| format!("bad address {host}:{port}"))?;
    Ok((options, addr))
}

#[tokio::main]
async fn main() -> ExitCode {
    let (options, addr) = match parse(std::env::args().skip(1)) {
        Ok(parsed) => parsed,
        Err(message) => {
            if !message.is_empty() {
                eprintln!("devserver: {message}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let listener = match tokio::net::TcpListener::bind(addr).await {
        Ok(l) => l,
        Err(e) => {
            eprintln!("devserver: cannot listen on {addr}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let local = listener
        .local_addr()
        .map(|a| a.to_string())
        .unwrap_or_default();
    // Scripts wait for this line to know the server is up and which port it took.
    println!(
        "devserver listening on http://{local}{}",
        if options.dev {
            " (dev mode: codes are printed)"
        } else {
            ""
        }
    );
    let app = app::router(&options);
    let shutdown = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    // The peer address feeds the per-client limit.
    let app = app.into_make_service_with_connect_info::<std::net::SocketAddr>();
    if let Err(e) = axum::serve(listener, app)
        .with_graceful_shutdown(shutdown)
        .await
    {
        eprintln!("devserver: {e}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
