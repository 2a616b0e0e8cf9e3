//! Indonesian.

use super::Key;

pub(super) fn text(key: Key) -> &'static str {
    match key {
        Key::PhoneLabel => "Nomor telepon",
        Key::PhoneHint => "Dengan kode negara, misalnya +62 812 3456 7890",
        Key::SendCode => "Kirim kode",
        Key::Sending => "Mengirim…",
        Key::CodeLabel => "Masukkan kode {n} digit yang dikirim ke {phone}",
        Key::Verify => "Verifikasi",
        Key::Verifying => "Memeriksa kode…",
        Key::Verified => "Nomor telepon Anda sudah terverifikasi.",
        Key::WrongCode => "Kode itu tidak benar.",
        Key::AttemptsLeftOne => "Sisa 1 percobaan",
        Key::AttemptsLeft => "Sisa {n} percobaan",
        Key::Expired => "Kode ini sudah kedaluwarsa. Kirim kode baru untuk melanjutkan.",
        Key::Locked => "Terlalu banyak kode yang salah. Kirim kode baru untuk mencoba lagi.",
        Key::AlreadyUsed => "Kode ini sudah digunakan. Kirim kode baru untuk melanjutkan.",
        Key::NotFound => "Verifikasi ini tidak ditemukan. Kirim kode baru untuk melanjutkan.",
        Key::NewCode => "Kirim kode baru",
        Key::Resend => "Kirim ulang kode",
        Key::ResendIn => "Kirim ulang kode dalam {time}",
        Key::ExpiresIn => "Kode kedaluwarsa dalam {time}",
        Key::ChangeNumber => "Ganti nomor",
        Key::CallMe => "Telepon saya saja",
        Key::RateLimited => "Terlalu banyak permintaan. Coba lagi dalam {time}.",
        Key::RateLimitedLater => "Terlalu banyak permintaan. Coba lagi nanti.",
        Key::Network => "Tidak dapat menghubungi server. Periksa koneksi Anda dan coba lagi.",
        Key::Timeout => "Server terlalu lama menjawab. Coba lagi.",
        Key::Offline => "Anda sedang offline. Sambungkan ke internet dan coba lagi.",
        Key::Server => "Terjadi kesalahan di pihak kami. Coba lagi.",
        Key::BadPhone => "Masukkan nomor dengan kode negara, diawali dengan +.",
        Key::CodeRefused => "Kode hanya berisi angka.",
        Key::Rejected => "Nomor ini tidak dapat menerima kode.",
    }
}
