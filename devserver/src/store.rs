//! Verifications in memory. Every check-and-update happens under one lock, so parallel verifies
//! of one code cannot both succeed and parallel wrong guesses cannot pass the attempt limit.
//! [`Store::prune`] drops what nobody can use any more, so memory follows the live verifications
//! and not the number of sends since start.

use hmac::{Hmac, Mac};
use sha2::Sha256;
use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard};

/// How long a code lives.
pub const CODE_TTL_MS: i64 = 10 * 60 * 1000;
/// How long before the same number may ask again.
pub const RESEND_AFTER_MS: i64 = 30 * 1000;
/// Wrong codes allowed per verification.
pub const MAX_ATTEMPTS: u32 = 3;
/// Digits in a code.
pub const CODE_LENGTH: usize = 6;
/// How long a verification is kept after it expired, so a late verify or status read still
/// says "expired" rather than "not found"; after that it is pruned.
pub const KEEP_AFTER_EXPIRY_MS: i64 = 10 * 60 * 1000;

type HmacSha256 = Hmac<Sha256>;

/// One verification.
#[derive(Clone, Debug)]
pub struct Verification {
    pub id: String,
    pub phone: String,
    pub channel: String,
    /// Who asked, where the API has such a field (VerifyHQ's `userId`).
    pub owner: String,
    /// HMAC-SHA-256 of id and code under the process's secret: the code itself is never stored,
    /// and a copy of the store without the secret (which lives only in memory) cannot be
    /// brute-forced offline.
    code_mac: [u8; 32],
    pub created_at: i64,
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

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// What the lock guards.
#[derive(Default)]
struct Items {
    by_id: HashMap<String, Verification>,
    /// The newest verification id per phone number: the resend wait and Verifik's lookup by
    /// phone read it instead of scanning every verification.
    latest: HashMap<String, String>,
    /// Native sends by `Idempotency-Key`: a retried send gets the same verification.
    idempotency: HashMap<String, String>,
}

/// All verifications, by id.
pub struct Store {
    /// The HMAC key, made at start and never written anywhere.
    secret: [u8; 32],
    items: Mutex<Items>,
}

impl Default for Store {
    fn default() -> Self {
        Store {
            secret: random_bytes(),
            items: Mutex::default(),
        }
    }
}

impl Store {
    fn mac(&self, id: &str, code: &str) -> HmacSha256 {
        // HMAC takes a key of any length, so this cannot fail.
        let mut mac = HmacSha256::new_from_slice(&self.secret).expect("HMAC accepts any key");
        // The id binds the code to its verification; the separator keeps the two apart.
        mac.update(id.as_bytes());
        mac.update(b"\0");
        mac.update(code.as_bytes());
        mac
    }

    /// Starts a verification for `phone` at `now` with the given `code`; returns it.
    pub fn create(
        &self,
        now: i64,
        phone: &str,
        channel: &str,
        owner: &str,
        code: &str,
    ) -> Verification {
        let id = format!("v_{}", hex(&random_bytes::<12>()));
        let v = Verification {
            code_mac: self.mac(&id, code).finalize().into_bytes().into(),
            id,
            phone: phone.to_owned(),
            channel: channel.to_owned(),
            owner: owner.to_owned(),
            created_at: now,
            expires_at: now + CODE_TTL_MS,
            resend_at: now + RESEND_AFTER_MS,
            attempts_remaining: MAX_ATTEMPTS,
            used: false,
        };
        let mut items = self.lock();
        items.latest.insert(v.phone.clone(), v.id.clone());
        items.by_id.insert(v.id.clone(), v.clone());
        v
    }

    /// A copy of verification `id`.
    pub fn get(&self, id: &str) -> Option<Verification> {
        self.lock().by_id.get(id).cloned()
    }

    /// The newest verification for `phone`.
    pub fn latest_for(&self, phone: &str) -> Option<Verification> {
        let items = self.lock();
        items
            .latest
            .get(phone)
            .and_then(|id| items.by_id.get(id))
            .cloned()
    }

    /// How long `phone` must still wait before another code, if at all. The newest
    /// verification has the latest `resend_at`: the clock only moves forward.
    pub fn resend_wait(&self, phone: &str, now: i64) -> Option<i64> {
        self.latest_for(phone)
            .map(|v| v.resend_at - now)
            .filter(|wait| *wait > 0)
    }

    /// The verification an earlier send with idempotency `key` started, if it is still kept.
    pub fn idempotent(&self, key: &str) -> Option<Verification> {
        let items = self.lock();
        items
            .idempotency
            .get(key)
            .and_then(|id| items.by_id.get(id))
            .cloned()
    }

    /// Remembers that idempotency `key` started verification `id`.
    pub fn remember(&self, key: String, id: String) {
        self.lock().idempotency.insert(key, id);
    }

    /// Checks `code` against verification `id` at `now`, atomically.
    pub fn check(&self, id: &str, code: &str, now: i64) -> Check {
        let mac = self.mac(id, code);
        let mut items = self.lock();
        let Some(v) = items.by_id.get_mut(id) else {
            return Check::NotFound;
        };
        match v.status(now) {
            Status::Approved => Check::AlreadyUsed,
            Status::MaxAttempts => Check::MaxAttempts,
            Status::Expired => Check::Expired,
            // verify_slice compares in constant time.
            Status::Pending if mac.verify_slice(&v.code_mac).is_ok() => {
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

    /// Drops every verification that expired more than [`KEEP_AFTER_EXPIRY_MS`] before `now`,
    /// with its index entries; returns how many went.
    pub fn prune(&self, now: i64) -> usize {
        let mut items = self.lock();
        let before = items.by_id.len();
        items
            .by_id
            .retain(|_, v| now < v.expires_at + KEEP_AFTER_EXPIRY_MS);
        let Items {
            by_id,
            latest,
            idempotency,
        } = &mut *items;
        latest.retain(|_, id| by_id.contains_key(id));
        idempotency.retain(|_, id| by_id.contains_key(id));
        let pruned = before - by_id.len();
        if pruned > 0 {
            // A map keeps its largest size; after a burst, give the memory back.
            by_id.shrink_to_fit();
            latest.shrink_to_fit();
            idempotency.shrink_to_fit();
        }
        pruned
    }

    /// How many verifications are kept.
    pub fn len(&self) -> usize {
        self.lock().by_id.len()
    }

    /// How many verifications stand where, at `now`: pending, approved, expired, max attempts.
    pub fn counts(&self, now: i64) -> [usize; 4] {
        let mut counts = [0; 4];
        for v in self.lock().by_id.values() {
            counts[v.status(now) as usize] += 1;
        }
        counts
    }

    fn lock(&self) -> MutexGuard<'_, Items> {
        // A panic while holding the lock cannot leave a verification half-updated (each update
        // is one assignment), so a poisoned lock is still safe to use.
        self.items.lock().unwrap_or_else(|e| e.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_800_000_000_000;

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
        let store = Store::default();
        let v = store.create(NOW, "+60182258491", "sms", "", "123456");
        assert_eq!(
            store.check(&v.id, "000000", NOW),
            Check::Invalid {
                attempts_remaining: 2
            }
        );
        assert_eq!(store.check(&v.id, "123456", NOW), Check::Approved);
        assert_eq!(store.check(&v.id, "123456", NOW), Check::AlreadyUsed);

        let w = store.create(NOW, "+60182258491", "sms", "", "123456");
        for left in [2, 1, 0] {
            assert_eq!(
                store.check(&w.id, "999999", NOW),
                Check::Invalid {
                    attempts_remaining: left
                }
            );
        }
        assert_eq!(store.check(&w.id, "123456", NOW), Check::MaxAttempts);
        assert_eq!(store.check("nope", "123456", NOW), Check::NotFound);
    }

    #[test]
    fn codes_expire() {
        let store = Store::default();
        let v = store.create(NOW, "+60182258491", "sms", "", "123456");
        assert_eq!(store.check(&v.id, "123456", v.expires_at), Check::Expired);
    }

    #[test]
    fn the_same_code_hashes_apart_per_verification_and_per_process() {
        let store = Store::default();
        let a = store.create(NOW, "+60182258491", "sms", "", "123456");
        let b = store.create(NOW, "+60182258492", "sms", "", "123456");
        assert_ne!(a.code_mac, b.code_mac);
        let other = Store::default();
        assert_ne!(
            other.mac(&a.id, "123456").finalize().into_bytes()[..],
            a.code_mac[..]
        );
    }

    #[test]
    fn the_newest_verification_sets_the_resend_wait() {
        let store = Store::default();
        store.create(NOW, "+60182258491", "sms", "", "111111");
        let later = store.create(NOW + 40_000, "+60182258491", "sms", "", "222222");
        assert_eq!(
            store.latest_for("+60182258491").map(|v| v.id),
            Some(later.id)
        );
        assert_eq!(
            store.resend_wait("+60182258491", NOW + 50_000),
            Some(20_000)
        );
        assert_eq!(store.resend_wait("+60182258491", NOW + 70_000), None);
        assert_eq!(store.resend_wait("+60182258499", NOW), None);
    }

    #[test]
    fn prune_keeps_expired_verifications_a_while_then_drops_them_and_their_indexes() {
        let store = Store::default();
        let v = store.create(NOW, "+60182258491", "sms", "", "123456");
        store.remember("key".into(), v.id.clone());
        let expired = v.expires_at + 1;
        assert_eq!(store.prune(expired), 0);
        assert_eq!(store.check(&v.id, "123456", expired), Check::Expired);
        assert_eq!(store.prune(v.expires_at + KEEP_AFTER_EXPIRY_MS), 1);
        assert_eq!(store.len(), 0);
        assert!(store.latest_for("+60182258491").is_none());
        assert!(store.idempotent("key").is_none());
        assert_eq!(store.lock().idempotency.len(), 0);
    }
}
