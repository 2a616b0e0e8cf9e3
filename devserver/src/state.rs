//! The state every handler shares: a plain `Clone` struct of shared parts, as in axum's
//! examples. Handlers take `State<AppState>` and reach the parts they need by field.

use crate::client::ClientLimit;
use crate::clock::Clock;
use crate::dev::Outbox;
use crate::faults::Faults;
use crate::store::Store;
use std::sync::Arc;

/// Codes per client address per [`CLIENT_WINDOW`] outside dev mode.
pub const CLIENT_LIMIT: u32 = 20;
/// The window of the per-client limit: 10 minutes.
pub const CLIENT_WINDOW: i64 = 600_000;

/// Shared by every handler; cloning it clones the `Arc`s, not the data.
#[derive(Clone)]
pub struct AppState {
    /// Print codes, keep the outbox, allow the clock to move and faults to be queued.
    pub dev: bool,
    pub clock: Arc<Clock>,
    pub store: Arc<Store>,
    /// Dev mode: every code "sent", for the dev page and the tests.
    pub outbox: Arc<Outbox>,
    /// Dev mode: faults queued for the next requests.
    pub faults: Arc<Faults>,
    /// Codes per client address.
    pub client_limit: Arc<ClientLimit>,
}

impl AppState {
    /// A fresh state; `client_limit` codes per client address per [`CLIENT_WINDOW`], or none.
    pub fn new(dev: bool, client_limit: Option<u32>) -> Self {
        AppState {
            dev,
            clock: Arc::default(),
            store: Arc::default(),
            outbox: Arc::default(),
            faults: Arc::default(),
            client_limit: Arc::new(ClientLimit::new(client_limit, CLIENT_WINDOW)),
        }
    }
}
