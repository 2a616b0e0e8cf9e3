//! Verifications in memory. Every check-and-update happens under one lock, so parallel verifies
//! of one code cannot both succeed and parallel wrong guesses cannot pass the attempt limit.

use crate::clock::Clock;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::sync::Mutex;

/// How long a code lives.
pub const CODE_TTL_MS: i64 = 10 * 60 * 1000;
/// How long before the same number may ask again.
pub const RESEND_AFTER_MS: i64 = 30 * 1000;
/// Wrong codes allowed per verification.
pub const MAX_ATTEMPTS: u32 = 3;
/// Digits in a code.
pub const CODE_LENGTH: usize = 6;

/// One verification.
#[derive(Clone, Debug)]
pub struct Verification {
    pub id: String,
    pub phone: String,
    pub channel: String,
    /// Who asked, where the API has such a field (VerifyHQ's `userId`).
    pub owner: String,
    salt: [u8; 16],
    /// SHA-256 of salt and code: the code itself is never stored.
    code_hash: [u8; 32],
    pub expires_at: i64,
    pub resend_at: i64,
    pub attempts_remaining: u32,
    pub used: bool,
}

/// The result of a check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Check {
    Approved,
    Invalid { attempts_remaining: u32 },
    Expired,
    MaxAttempts,
    AlreadyUsed,
    NotFound,
}

/// Where a verification stands, for the status read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Pending,
    Approved,
    Expired,
    MaxAttempts,
}

impl Verification {
    /// Where it stands at `now`.
    pub fn status(&self, now: i64) -> Status {
        if self.used {
            Status::Approved
        } else if self.attempts_remaining == 0 {
            Status::MaxAttempts
        } else if now >= self.expires_at {
            Status::Expired
        } else {
            Status::Pending
        }
    }
}

/// Random bytes from the OS CSPRNG. Failing to get them is a broken machine, not a request error.
pub fn random_bytes<const N: usize>() -> [u8; N] {
    let mut buf = [0u8; N];
    getrandom::fill(&mut buf).expect("the OS random number generator is unavailable");
    buf
}

/// A uniformly random code of `CODE_LENGTH` digits, leading zeros included.
pub fn new_code() -> String {
    const RANGE: u32 = 10u32.pow(CODE_LENGTH as u32);
    // Rejection sampling keeps every code equally likely.
    let limit = u32::MAX - u32::MAX % RANGE;
    loop {
        let n = u32::from_le_bytes(random_bytes());
        if n < limit {
            return format!("{:0width$}", n % RANGE, width = CODE_LENGTH);
        }
    }
}

fn hash(salt: &[u8; 16], code: &str) -> [u8; 32] {
    let mut h = Sha256::new();
    h.update(salt);
    h.update(code.as_bytes());
    h.finalize().into()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// All verifications, by id.
#[derive(Default)]
pub struct Store {
    items: Mutex<HashMap<String, Verification>>,
}

impl Store {
    /// Starts a verification for `phone` with the given `code`; returns it.
    pub fn create(
        &self,
        clock: &Clock,
        phone: &str,
        channel: &str,
        owner: &str,
        code: &str,
    ) -> Verification {
        let now = clock.now();
        let salt = random_bytes();
        let v = Verification {
            id: format!("v_{}", hex(&random_bytes::<12>())),
            phone: phone.to_owned(),
            channel: channel.to_owned(),
            owner: owner.to_owned(),
            salt,
            code_hash: hash(&salt, code),
            expires_at: now + CODE_TTL_MS,
            resend_at: now + RESEND_AFTER_MS,
            attempts_remaining: MAX_ATTEMPTS,
            used: false,
        };
        self.lock().insert(v.id.clone(), v.clone());
        v
    }

    /// A copy of verification `id`.
    pub fn get(&self, id: &str) -> Option<Verification> {
        self.lock().get(id).cloned()
    }

    /// The newest verification for `phone`.
    pub fn latest_for(&self, phone: &str) -> Option<Verification> {
        self.lock()
            .values()
            .filter(|v| v.phone == phone)
            .max_by_key(|v| v.expires_at)
            .cloned()
    }

    /// How long `phone` must still wait before another code, if at all.
    pub fn resend_wait(&self, phone: &str, now: i64) -> Option<i64> {
        self.lock()
            .values()
            .filter(|v| v.phone == phone)
            .map(|v| v.resend_at - now)
            .max()
            .filter(|wait| *wait > 0)
    }

    /// Checks `code` against verification `id` at `now`, atomically.
    pub fn check(&self, id: &str, code: &str, now: i64) -> Check {
        let mut items = self.lock();
        let Some(v) = items.get_mut(id) else {
            return Check::NotFound;
        };
        match v.status(now) {
            Status::Approved => Check::AlreadyUsed,
            Status::MaxAttempts => Check::MaxAttempts,
            Status::Expired => Check::Expired,
            Status::Pending if hash(&v.salt, code) == v.code_hash => {
                v.used = true;
                Check::Approved
            }
            Status::Pending => {
                v.attempts_remaining -= 1;
                Check::Invalid {
                    attempts_remaining: v.attempts_remaining,
                }
            }
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Verification>> {
        // A panic while holding the lock cannot leave a verification half-updated (each update
        // is one assignment), so a poisoned lock is still safe to use.
        self.items.lock().unwrap_or_else(|e| e.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_six_digits() {
        for _ in 0..1000 {
            let c = new_code();
            assert_eq!(c.len(), 6);
            assert!(c.bytes().all(|b| b.is_ascii_digit()));
        }
    }

    #[test]
    fn a_code_works_once_and_wrong_codes_run_out() {
        let clock = Clock::default();
        let store = Store::default();
        let v = store.create(&clock, "+60182258491", "sms", "", "123456");
        let now = clock.now();
        assert_eq!(
            store.check(&v.id, "000000", now),
            Check::Invalid {
                attempts_remaining: 2
            }
        );
        assert_eq!(store.check(&v.id, "123456", now), Check::Approved);
        assert_eq!(store.check(&v.id, "123456", now), Check::AlreadyUsed);

        let w = store.create(&clock, "+60182258491", "sms", "", "123456");
        for left in [2, 1, 0] {
            assert_eq!(
                store.check(&w.id, "999999", now),
                Check::Invalid {
                    attempts_remaining: left
                }
            );
        }
        assert_eq!(store.check(&w.id, "123456", now), Check::MaxAttempts);
        assert_eq!(store.check("nope", "123456", now), Check::NotFound);
    }

    #[test]
    fn codes_expire() {
        let clock = Clock::default();
        let store = Store::default();
        let v = store.create(&clock, "+60182258491", "sms", "", "123456");
        assert_eq!(store.check(&v.id, "123456", v.expires_at), Check::Expired);
    }
}
