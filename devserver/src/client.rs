//! Who is asking for codes: the client's address, and a limit on the codes one address may ask
//! for in a window, on top of the per-number wait. A script cycling through numbers from one
//! address is stopped here.

use axum::extract::{ConnectInfo, Request};
use axum::middleware::Next;
use axum::response::Response;
use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Mutex;

/// The address a request came from (the TCP peer; the devserver trusts no forwarding header).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Client(pub IpAddr);

/// Tags every request with its [`Client`]. Requests that did not come over TCP (the router's
/// own tests) count as loopback.
pub async fn identify(mut req: Request, next: Next) -> Response {
    let ip = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map_or(IpAddr::V4(Ipv4Addr::LOCALHOST), |c| c.0.ip());
    req.extensions_mut().insert(Client(ip));
    next.run(req).await
}

/// At most `max` codes per client in any `window` milliseconds.
#[derive(Debug, Default)]
pub struct ClientLimit {
    /// `None`: no limit (dev mode, unless `--client-limit` says otherwise).
    pub max: Option<u32>,
    pub window: i64,
    sent: Mutex<HashMap<Client, Vec<i64>>>,
}

impl ClientLimit {
    /// A limit of `max` codes per `window` ms; `None` for none.
    pub fn new(max: Option<u32>, window: i64) -> Self {
        ClientLimit {
            max,
            window,
            sent: Mutex::default(),
        }
    }

    /// Counts a code for `client` at `now`, or says how many ms it must wait.
    pub fn take(&self, client: Client, now: i64) -> Result<(), i64> {
        let Some(max) = self.max else {
            return Ok(());
        };
        // A poisoned lock only means another request panicked mid-update; the times are fine.
        let mut sent = self.sent.lock().unwrap_or_else(|e| e.into_inner());
        let times = sent.entry(client).or_default();
        times.retain(|t| now - t < self.window);
        if times.len() >= max as usize {
            let oldest = times.iter().min().copied().unwrap_or(now);
            return Err(oldest + self.window - now);
        }
        times.push(now);
        Ok(())
    }

    /// Forgets the sends that left the window at `now`, and the clients left with none.
    pub fn prune(&self, now: i64) {
        let mut sent = self.sent.lock().unwrap_or_else(|e| e.into_inner());
        sent.retain(|_, times| {
            times.retain(|t| now - t < self.window);
            !times.is_empty()
        });
        sent.shrink_to_fit();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_client_gets_max_codes_per_window() {
        let limit = ClientLimit::new(Some(2), 1000);
        let a = Client(IpAddr::V4(Ipv4Addr::new(10, 0, 0, 1)));
        let b = Client(IpAddr::V4(Ipv4Addr::new(10, 0, 0, 2)));
        assert_eq!(limit.take(a, 0), Ok(()));
        assert_eq!(limit.take(a, 100), Ok(()));
        assert_eq!(limit.take(a, 200), Err(800));
        assert_eq!(limit.take(b, 200), Ok(()), "another client is not affected");
        assert_eq!(limit.take(a, 1000), Ok(()), "the first one left the window");
        assert!(ClientLimit::new(None, 1000).take(a, 0).is_ok());
        limit.prune(1250);
        assert_eq!(limit.sent.lock().unwrap().len(), 1, "b's window is over");
        limit.prune(2000);
        assert!(limit.sent.lock().unwrap().is_empty());
    }
}
