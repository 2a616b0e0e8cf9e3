//! phone-otp's devserver: `devserver [--dev] [--port N] [--host ADDR] [--static DIR]`
//! (`devserver --help` lists every flag).

mod app;
mod client;
mod clock;
mod cors;
mod dev;
mod error;
mod extract;
mod faults;
mod memory;
mod native;
mod options;
mod phone;
mod providers;
mod state;
mod store;
mod verification;

#[cfg(test)]
mod router_tests;

use clap::Parser;
use options::Options;
use state::AppState;
use std::process::ExitCode;
use std::time::Duration;

/// How often expired verifications are pruned while the server runs.
const PRUNE_EVERY: Duration = Duration::from_secs(5);

fn main() -> ExitCode {
    let options = Options::parse();
    memory::configure();
    match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime.block_on(serve(options)),
        Err(e) => {
            eprintln!("devserver: cannot start the runtime: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn serve(options: Options) -> ExitCode {
    let addr = options.addr();
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
    let state = AppState::new(options.dev, options.client_limit());
    let pruning = state.clone();
    tokio::spawn(async move {
        let mut every = tokio::time::interval(PRUNE_EVERY);
        loop {
            every.tick().await;
            verification::prune(&pruning);
        }
    });
    let app = app::router(&options, state);
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
