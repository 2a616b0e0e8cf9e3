//! Release wasm only: a 64 KiB stack instead of rustc's 1 MiB, since the stack is most of the
//! widget's linear memory. The deepest a full flow goes (typing, a 5,000-digit paste, the
//! country list and its search, send, a wrong code, verify) is 12.7 KB, read as the lowest
//! non-zero byte of memory afterwards (`scripts/bench` reports it for its own flow); a hostile
//! reply's nesting is capped (`transport::MAX_DEPTH`). rustc lays the stack out first, so an
//! overflow traps instead of overwriting data. Debug builds and the test binaries keep the
//! default: their unoptimized frames are several times larger.
//!
//! With the `split` feature, the release wasm is also linked with its relocations, which
//! `wasm-split` needs to cut the split points' code out of it (scripts/minify.mjs, the release
//! build's hook), and the split points are compiled as such (`cfg(wasm_split)`, src/split.rs).
//! A debug build (`trunk serve`), which no hook splits, keeps their code in the one wasm.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo::rustc-check-cfg=cfg(wasm_split)");
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|a| a == "wasm32");
    let release = std::env::var("PROFILE").is_ok_and(|p| p == "release");
    if wasm && release {
        println!("cargo:rustc-link-arg-cdylib=-zstack-size=65536");
        if std::env::var_os("CARGO_FEATURE_SPLIT").is_some() {
            println!("cargo:rustc-link-arg-cdylib=--emit-relocs");
            println!("cargo:rustc-cfg=wasm_split");
        }
    }
}
