// Proofs over the metadata's patterns, for scripts/phone-data.mjs: which of a region's patterns
// the validation can do without. A pattern (digits, \d, classes, groups, `|`, `?`, `{n,m}`) is
// read as a Thompson NFA over the digits and run on sets of states, so an inclusion between two
// patterns is decided over every string of the lengths asked for, not by sampling.
/** `pattern` as an NFA: its start states, a step over one digit, and whether a set accepts. */
export function nfa(pattern) {
  const states = [{ eps: [], edges: [] }];
  const add = () => states.push({ eps: [], edges: [] }) - 1;
  let at = 0;
  const peek = () => pattern[at];
  // Each builder wires a fragment from state `from` and returns its end state.
  const alternatives = () => {
    const seqs = [sequence()];
    while (peek() === '|') { at++; seqs.push(sequence()); }
    return (from) => { const end = add(); for (const s of seqs) states[s(from)].eps.push(end); return end; };
  };
  const sequence = () => {
    const items = [];
    while (at < pattern.length && peek() !== '|' && peek() !== ')') {
      const node = atom();
      let min = 1, max = 1;
      if (peek() === '?') { at++; min = 0; }
      else if (peek() === '{') {
        const end = pattern.indexOf('}', at);
        const [a, b] = pattern.slice(at + 1, end).split(',');
        min = +a; max = b === undefined ? +a : +b; at = end + 1;
      }
      items.push({ node, min, max });
    }
    return (from) => {
      let s = from;
      for (const { node, min, max } of items) {
        const skips = [];
        for (let i = 0; i < max; i++) { if (i >= min) skips.push(s); s = node(s); }
        for (const k of skips) states[k].eps.push(s);
      }
      return s;
    };
  };
  const cls = (mask) => (from) => { const to = add(); states[from].edges.push([mask, to]); return to; };
  const atom = () => {
    const c = pattern[at++];
    if (c === '\\') { at++; return cls(0x3ff); }
    if (c === '$') return (from) => from; // only where an over-approximation will do
    if (c === '[') {
      let mask = 0;
      while (peek() !== ']') {
        const lo = +pattern[at++];
        let hi = lo;
        if (peek() === '-') { hi = +pattern[at + 1]; at += 2; }
        for (let d = lo; d <= hi; d++) mask |= 1 << d;
      }
      at++;
      return cls(mask);
    }
    if (c === '(') {
      if (peek() === '?') at += 2;
      const alts = alternatives();
      if (pattern[at++] !== ')') throw new Error(`unbalanced ${pattern}`);
      return alts;
    }
    if (/\d/.test(c)) return cls(1 << +c);
    throw new Error(`unsupported ${c} in ${pattern}`);
  };
  const build = alternatives();
  if (at !== pattern.length) throw new Error(`cannot read ${pattern}`);
  const accept = build(0);
  const closure = (set) => {
    const out = new Set(set);
    const stack = [...set];
    while (stack.length) for (const n of states[stack.pop()].eps) if (!out.has(n)) { out.add(n); stack.push(n); }
    return [...out].sort((a, b) => a - b);
  };
  const step = (set, d) => closure(set.flatMap((s) => states[s].edges.filter(([m]) => m & (1 << d)).map(([, to]) => to)));
  return { start: closure([0]), step, accepts: (set) => set.includes(accept) };
}

/** Whether every string of `a` whose length is one of `lengths` is a string of `b`. */
export function includes(b, a, lengths) {
  const A = nfa(a), B = nfa(b);
  const longest = Math.max(...lengths);
  const seen = new Set();
  const queue = [[A.start, B.start, 0]];
  while (queue.length) {
    const [sa, sb, depth] = queue.pop();
    if (lengths.includes(depth) && A.accepts(sa) && !B.accepts(sb)) return false;
    if (depth === longest) continue;
    for (let d = 0; d < 10; d++) {
      const na = A.step(sa, d);
      if (!na.length) continue;
      const nb = B.step(sb, d);
      const key = `${depth + 1}:${na}:${nb}`;
      if (!seen.has(key)) { seen.add(key); queue.push([na, nb, depth + 1]); }
    }
  }
  return true;
}

/** The digits a non-empty string of `pattern` may start with, as a bit set. */
export function firstDigits(pattern) {
  const P = nfa(pattern);
  let mask = 0;
  for (let d = 0; d < 10; d++) if (P.step(P.start, d).length) mask |= 1 << d;
  return mask;
}

/** The patterns of `|` at the top level of `pattern`. */
export function alternatives(pattern) {
  const out = [];
  let depth = 0, from = 0;
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] === '(') depth++;
    else if (pattern[i] === ')') depth--;
    else if (pattern[i] === '|' && !depth) { out.push(pattern.slice(from, i)); from = i + 1; }
  }
  out.push(pattern.slice(from));
  return out;
}

/** The lengths of the strings of `pattern` (up to `longest` digits), shortest first. */
export function lengths(pattern, longest = 20) {
  const P = nfa(pattern);
  const out = [];
  let sets = new Map([[String(P.start), P.start]]);
  for (let depth = 0; depth <= longest && sets.size; depth++) {
    if ([...sets.values()].some(P.accepts)) out.push(depth);
    const next = new Map();
    for (const set of sets.values()) {
      for (let d = 0; d < 10; d++) {
        const n = P.step(set, d);
        if (n.length) next.set(String(n), n);
      }
    }
    sets = next;
  }
  return out;
}

/**
 * Whether, for every number x, the national number pattern `general` and the number types
 * (`types`, `[{ pattern, lengths }]`: a string is of a type when the pattern takes it and its
 * length is one of the type's) agree on `prefix` + x, and, where the types take `prefix` + x,
 * also on x itself: then src/phone/validate.rs keeps or strips that national prefix the same way
 * whether it asks the pattern or the types.
 */
export function agreesAfterPrefix(general, types, prefix, longest = 20) {
  const G = nfa(general);
  const T = types.map((t) => ({ m: nfa(t.pattern), lengths: t.lengths }));
  const run = (m, digits) => [...digits].reduce((set, d) => m.step(set, +d), m.start);
  const typed = (sets, length) => T.some((t, i) => t.m.accepts(sets[i]) && t.lengths.includes(length));
  const seen = new Set();
  const queue = [[run(G, prefix), T.map((t) => run(t.m, prefix)), G.start, T.map((t) => t.m.start), 0]];
  while (queue.length) {
    const [gp, tp, gx, tx, depth] = queue.pop();
    const withPrefix = typed(tp, prefix.length + depth);
    if (G.accepts(gp) !== withPrefix) return false;
    if (withPrefix && G.accepts(gx) !== typed(tx, depth)) return false;
    // Nothing after the prefix can be taken any more: no further constraint.
    if (depth === longest || (!gp.length && tp.every((s) => !s.length))) continue;
    for (let d = 0; d < 10; d++) {
      const next = [G.step(gp, d), tp.map((s, i) => T[i].m.step(s, d)), G.step(gx, d), tx.map((s, i) => T[i].m.step(s, d)), depth + 1];
      const key = `${depth + 1}|${next.slice(0, 4).map(String).join('|')}`;
      if (!seen.has(key)) {
        seen.add(key);
        queue.push(next);
      }
    }
  }
  return true;
}
