;; The hot loops of analyze's batch scans, over the shared byte image (../byte-image.ts).
;; Hand-written WebAssembly because they are most of the scans' time and V8's JavaScript for them
;; ran ~1.5-2x slower (bounds checks, no SIMD): measured on the PTP benchmark log, see
;; docs/performance.md ("Session 5"). Everything else about the scans (tables, confirmation,
;; what a hit means) stays in TypeScript; wasm-scan-kernel.ts loads this module and owns its memory
;; (js-scan-kernel.ts has the same loops in JavaScript, for runtimes without WebAssembly).
;;
;; Memory layout (bytes; wasm-scan-kernel.ts and kernel-limits.ts have the same constants):
;;   [0, 131072)       the gram table's slot flags (classify/gram-table.ts `used`)
;;   [131072, 196608)  the anchor pairs' class masks (redact/prefilter-keywords.ts `masks`)
;;   [196608, 262144)  the follower pairs' classes (redact/prefilter-keywords.ts `followers`)
;;   [262144, 786432)  the slot counts of a sample, one i32 per gram slot (`sampleSlots`)
;;   [786432, 786944)  the skip shapes' actions by first byte, one i16 each (skip-actions.ts)
;;   [787456, ...)     the byte image, read as little-endian 32-bit words
;;
;; Build: `pnpm --filter @nightshift/log-parsing build:kernel` (wabt) writes scan-kernel-wasm.ts.
(module
  (memory (export "memory") 16)

  ;; The group scan of classify/word-scan.ts (formerly its `nextFlaggedGroup`): the first i
  ;; (stepping by 4 from i) whose four words, case-folded (OR 0x20 into every byte), hash to a
  ;; used slot of the gram table; or `count`. Writes each group it reads back folded, as the
  ;; JavaScript loop did.
  (func (export "flaggedGroup") (param $i i32) (param $count i32) (result i32)
    (local $at i32)
    (local $words v128)
    (local $slots v128)
    (block $done
      (loop $group
        (br_if $done (i32.ge_u (local.get $i) (local.get $count)))
        (local.set $at (i32.add (i32.const 787456) (i32.shl (local.get $i) (i32.const 2))))
        (local.set $words
          (v128.or (v128.load (local.get $at)) (v128.const i32x4 0x20202020 0x20202020 0x20202020 0x20202020)))
        (v128.store (local.get $at) (local.get $words))
        ;; slotOf(word) = Math.imul(word, 0x9e3779b1) >>> 15, for the four words at once.
        (local.set $slots
          (i32x4.shr_u
            (i32x4.mul (local.get $words) (v128.const i32x4 0x9e3779b1 0x9e3779b1 0x9e3779b1 0x9e3779b1))
            (i32.const 15)))
        (if (i32.or
              (i32.or
                (i32.load8_u (i32x4.extract_lane 0 (local.get $slots)))
                (i32.load8_u (i32x4.extract_lane 1 (local.get $slots))))
              (i32.or
                (i32.load8_u (i32x4.extract_lane 2 (local.get $slots)))
                (i32.load8_u (i32x4.extract_lane 3 (local.get $slots)))))
          (then (return (local.get $i))))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $group)))
    (local.get $count))

;; The sample of classify/block-prefilter.ts (formerly gram-table.ts `sampleSlots`): adds 1 to
  ;; the i32 count at 262144 + 4 * slotOf(word) for each of the image's first `count` words,
  ;; case-folded as the group scan folds them (the caller zeroes the counts first). In JavaScript
  ;; this loop ran interpreted for most of a 100 MB run's four samples (~8 ms), then cost an
  ;; optimising compile.
  (func (export "sampleSlots") (param $count i32)
    (local $i i32)
    (local $at i32)
    (block $done
      (loop $word
        (br_if $done (i32.ge_u (local.get $i) (local.get $count)))
        ;; slotOf(word | FOLD) = Math.imul(word | FOLD, 0x9e3779b1) >>> 15, as in flaggedGroup.
        (local.set $at
          (i32.add
            (i32.const 262144)
            (i32.shl
              (i32.shr_u
                (i32.mul
                  (i32.or
                    (i32.load offset=787456 (i32.shl (local.get $i) (i32.const 2)))
                    (i32.const 0x20202020))
                  (i32.const 0x9e3779b1))
                (i32.const 15))
              (i32.const 2))))
        (i32.store (local.get $at) (i32.add (i32.load (local.get $at)) (i32.const 1)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $word))))

  ;; The line scan of input/scan-blocks.ts (../byte-image.ts `lineStarts`): the offset just past
  ;; every '\n' among the image's first `length` bytes, ascending, stored as i32 from address
  ;; `out` (past the image); returns how many. 64 bytes a step where none of them is flagged
  ;; (most of a log), else 16, one bit per '\n'. On the same
  ;; pass, the lines holding a byte >= 0x80 (bit 0: they must be decoded as UTF-8) or 0x1b, 0x9b,
  ;; 0xfd (bit 1: they may hold an escape sequence), as i32 entries `line << 2 | bits` from address
  ;; `marks` + 4, one per such line, ascending; their number at `marks`. Most 16 bytes hold
  ;; neither; the few bytes that do are taken one by one, each counted into its line by the '\n's
  ;; before it.
  (func (export "lineEnds") (param $length i32) (param $out i32) (param $marks i32) (result i32)
    (local $i i32)
    (local $v v128)
    (local $lines i32)
    (local $mask i32)
    (local $high i32)
    (local $esc i32)
    (local $special i32)
    (local $keep i32)
    (local $at i32)
    (local $n i32)
    (local $p i32)
    (local $line i32)
    (local $bits i32)
    (local $m i32)
    (local $last i32)
    (local $v1 v128)
    (local $v2 v128)
    (local $v3 v128)
    (local $wide i64)
    (local.set $last (i32.const -1))
    (block $done
      (loop $block
        (br_if $done (i32.ge_u (local.get $i) (local.get $length)))
        ;; 64 bytes before `length` with no byte >= 0x80 and no 0x1b: only their '\n's, one
        ;; 64-bit mask, where four 16-byte steps cost ~2.5x the instructions (callgrind).
        (if (i32.le_u (i32.add (local.get $i) (i32.const 64)) (local.get $length))
          (then
            (local.set $v (v128.load (i32.add (i32.const 787456) (local.get $i))))
            (local.set $v1 (v128.load (i32.add (i32.const 787472) (local.get $i))))
            (local.set $v2 (v128.load (i32.add (i32.const 787488) (local.get $i))))
            (local.set $v3 (v128.load (i32.add (i32.const 787504) (local.get $i))))
            (if (i32.eqz
                  (i32.or
                    (i8x16.bitmask
                      (v128.or (v128.or (local.get $v) (local.get $v1)) (v128.or (local.get $v2) (local.get $v3))))
                    (v128.any_true
                      (v128.or
                        (v128.or
                          (i8x16.eq (local.get $v) (v128.const i8x16 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b))
                          (i8x16.eq (local.get $v1) (v128.const i8x16 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b)))
                        (v128.or
                          (i8x16.eq (local.get $v2) (v128.const i8x16 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b))
                          (i8x16.eq (local.get $v3) (v128.const i8x16 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b)))))))
              (then
                (local.set $wide
                  (i64.or
                    (i64.or
                      (i64.extend_i32_u
                        (i8x16.bitmask
                          (i8x16.eq (local.get $v) (v128.const i8x16 10 10 10 10 10 10 10 10 10 10 10 10 10 10 10 10))))
                      (i64.shl
                        (i64.extend_i32_u
                          (i8x16.bitmask
                            (i8x16.eq (local.get $v1) (v128.const i8x16 10 10 10 10 10 10 10 10 10 10 10 10 10 10 10 10))))
                        (i64.const 16)))
                    (i64.or
                      (i64.shl
                        (i64.extend_i32_u
                          (i8x16.bitmask
                            (i8x16.eq (local.get $v2) (v128.const i8x16 10 10 10 10 10 10 10 10 10 10 10 10 10 10 10 10))))
                        (i64.const 32))
                      (i64.shl
                        (i64.extend_i32_u
                          (i8x16.bitmask
                            (i8x16.eq (local.get $v3) (v128.const i8x16 10 10 10 10 10 10 10 10 10 10 10 10 10 10 10 10))))
                        (i64.const 48)))))
                (block $ends
                  (loop $end
                    (br_if $ends (i64.eqz (local.get $wide)))
                    (i32.store
                      (i32.add (local.get $out) (i32.shl (local.get $n) (i32.const 2)))
                      (i32.add
                        (i32.add (local.get $i) (i32.wrap_i64 (i64.ctz (local.get $wide))))
                        (i32.const 1)))
                    (local.set $n (i32.add (local.get $n) (i32.const 1)))
                    (local.set $wide (i64.and (local.get $wide) (i64.sub (local.get $wide) (i64.const 1))))
                    (br $end)))
                (local.set $i (i32.add (local.get $i) (i32.const 64)))
                (br $block)))))
        (local.set $v (v128.load (i32.add (i32.const 787456) (local.get $i))))
        (local.set $lines
          (i8x16.bitmask
            (i8x16.eq (local.get $v) (v128.const i8x16 10 10 10 10 10 10 10 10 10 10 10 10 10 10 10 10))))
        ;; One test for both kinds of flagged byte (0x9b and 0xfd are >= 0x80).
        (local.set $special
          (i8x16.bitmask
            (v128.or
              (local.get $v)
              (i8x16.eq (local.get $v) (v128.const i8x16 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b)))))
        ;; Only the bytes before `length` count.
        (if (i32.lt_u (i32.sub (local.get $length) (local.get $i)) (i32.const 16))
          (then
            (local.set $keep
              (i32.sub (i32.shl (i32.const 1) (i32.sub (local.get $length) (local.get $i))) (i32.const 1)))
            (local.set $lines (i32.and (local.get $lines) (local.get $keep)))
            (local.set $special (i32.and (local.get $special) (local.get $keep)))))
        (if (local.get $special)
          (then
            (local.set $high (i8x16.bitmask (local.get $v)))
            (local.set $esc
              (i8x16.bitmask
                (v128.or
                  (v128.or
                    (i8x16.eq (local.get $v) (v128.const i8x16 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b))
                    (i8x16.eq (local.get $v) (v128.const i8x16 0x9b 0x9b 0x9b 0x9b 0x9b 0x9b 0x9b 0x9b 0x9b 0x9b 0x9b 0x9b 0x9b 0x9b 0x9b 0x9b)))
                  (i8x16.eq (local.get $v) (v128.const i8x16 0xfd 0xfd 0xfd 0xfd 0xfd 0xfd 0xfd 0xfd 0xfd 0xfd 0xfd 0xfd 0xfd 0xfd 0xfd 0xfd)))))
            (block $specials
              (loop $byte
                (br_if $specials (i32.eqz (local.get $special)))
                (local.set $p (i32.ctz (local.get $special)))
                (local.set $line
                  (i32.add
                    (local.get $n)
                    (i32.popcnt
                      (i32.and (local.get $lines) (i32.sub (i32.shl (i32.const 1) (local.get $p)) (i32.const 1))))))
                (local.set $bits
                  (i32.or
                    (i32.and (i32.shr_u (local.get $high) (local.get $p)) (i32.const 1))
                    (i32.shl (i32.and (i32.shr_u (local.get $esc) (local.get $p)) (i32.const 1)) (i32.const 1))))
                (if (i32.eq (local.get $line) (local.get $last))
                  (then
                    (local.set $at (i32.add (local.get $marks) (i32.shl (local.get $m) (i32.const 2))))
                    (i32.store (local.get $at) (i32.or (i32.load (local.get $at)) (local.get $bits))))
                  (else
                    (local.set $m (i32.add (local.get $m) (i32.const 1)))
                    (i32.store
                      (i32.add (local.get $marks) (i32.shl (local.get $m) (i32.const 2)))
                      (i32.or (i32.shl (local.get $line) (i32.const 2)) (local.get $bits)))
                    (local.set $last (local.get $line))))
                (local.set $special (i32.and (local.get $special) (i32.sub (local.get $special) (i32.const 1))))
                (br $byte)))))
        (local.set $mask (local.get $lines))
        (block $bits
          (loop $bit
            (br_if $bits (i32.eqz (local.get $mask)))
            (local.set $at (i32.add (local.get $i) (i32.ctz (local.get $mask))))
            (i32.store
              (i32.add (local.get $out) (i32.shl (local.get $n) (i32.const 2)))
              (i32.add (local.get $at) (i32.const 1)))
            (local.set $n (i32.add (local.get $n) (i32.const 1)))
            (local.set $mask (i32.and (local.get $mask) (i32.sub (local.get $mask) (i32.const 1))))
            (br $bit)))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $block)))
    (i32.store (local.get $marks) (local.get $m))
    (local.get $n))

  ;; The pair scan of redact/keyword-prefilter.ts (formerly its `nextAnchorWords`): the first i
  ;; (stepping by 2 from i) whose two words hold a pair of characters (a 16-bit half of a word)
  ;; that is an anchor standing beside its follower (`$followed`); or `count`. Most groups hold
  ;; no anchor at all: one test of the four masks skips them.
  (func (export "anchorPair") (param $i i32) (param $count i32) (result i32)
    (local $at i32)
    (local $a i32)
    (local $b i32)
    (local $c i32)
    (local $d i32)
    (block $done
      (loop $pair
        (br_if $done (i32.ge_u (local.get $i) (local.get $count)))
        (local.set $at (i32.add (i32.const 787456) (i32.shl (local.get $i) (i32.const 2))))
        ;; Four words at once while they lie before `count`: ~99% of such groups hold no anchor
        ;; on the benchmark log, and one branch for eight pairs took this loop from 280 to 259 M
        ;; instructions per 100 MB (callgrind). A group with one goes on in steps of two words,
        ;; from `i`.
        (if (i32.le_u (i32.add (local.get $i) (i32.const 4)) (local.get $count))
          (then
            (local.set $a (i32.load (local.get $at)))
            (local.set $b (i32.load offset=4 (local.get $at)))
            (local.set $c (i32.load offset=8 (local.get $at)))
            (local.set $d (i32.load offset=12 (local.get $at)))
            (if (i32.eqz
                  (i32.or
                    (i32.or
                      (i32.or
                        (i32.load8_u offset=131072 (i32.and (local.get $a) (i32.const 0xffff)))
                        (i32.load8_u offset=131072 (i32.shr_u (local.get $a) (i32.const 16))))
                      (i32.or
                        (i32.load8_u offset=131072 (i32.and (local.get $b) (i32.const 0xffff)))
                        (i32.load8_u offset=131072 (i32.shr_u (local.get $b) (i32.const 16)))))
                    (i32.or
                      (i32.or
                        (i32.load8_u offset=131072 (i32.and (local.get $c) (i32.const 0xffff)))
                        (i32.load8_u offset=131072 (i32.shr_u (local.get $c) (i32.const 16))))
                      (i32.or
                        (i32.load8_u offset=131072 (i32.and (local.get $d) (i32.const 0xffff)))
                        (i32.load8_u offset=131072 (i32.shr_u (local.get $d) (i32.const 16)))))))
              (then
                (local.set $i (i32.add (local.get $i) (i32.const 4)))
                (br $pair)))))
        (local.set $a (i32.load (local.get $at)))
        (local.set $b (i32.load offset=4 (local.get $at)))
        (if (i32.or
              (i32.or
                (i32.load8_u offset=131072 (i32.and (local.get $a) (i32.const 0xffff)))
                (i32.load8_u offset=131072 (i32.shr_u (local.get $a) (i32.const 16))))
              (i32.or
                (i32.load8_u offset=131072 (i32.and (local.get $b) (i32.const 0xffff)))
                (i32.load8_u offset=131072 (i32.shr_u (local.get $b) (i32.const 16)))))
          (then
            (if (call $followed
                  (i32.shl (local.get $i) (i32.const 2))
                  (i32.shl (local.get $count) (i32.const 2)))
              (then (return (local.get $i))))))
        (local.set $i (i32.add (local.get $i) (i32.const 2)))
        (br $pair)))
    (local.get $count))

  ;; Whether one of the four pairs at image bytes p, p+2, p+4, p+6 is an anchor beside its
  ;; follower: its mask (kernel-limits.ts bits) shares a class with the follower table's entry
  ;; for the pair after it (FOLLOWED_AFTER bits, 0x0f) or before it (FOLLOWED_BEFORE, 0x70), or
  ;; has ANCHOR_ALONE (0x80). A pair whose neighbour lies outside the window [0, end) counts as
  ;; followed: the keyword may run on past the window's edge, where the image holds other text.
  (func $followed (param $p i32) (param $end i32) (result i32)
    (local $stop i32)
    (local $m i32)
    (local.set $stop (i32.add (local.get $p) (i32.const 8)))
    (loop $each
      (local.set $m (i32.load8_u offset=131072 (i32.load16_u offset=787456 (local.get $p))))
      (if (local.get $m)
        (then
          (if (i32.or
                (i32.or
                  (i32.and (local.get $m) (i32.const 0x80))
                  (i32.or
                    (i32.eqz (local.get $p))
                    (i32.gt_u (i32.add (local.get $p) (i32.const 4)) (local.get $end))))
                (i32.or
                  (i32.and
                    (i32.and (local.get $m) (i32.const 0x0f))
                    (i32.load8_u offset=196608 (i32.load16_u offset=787458 (local.get $p))))
                  (i32.and
                    (i32.and (local.get $m) (i32.const 0x70))
                    (i32.load8_u offset=196608 (i32.load16_u offset=787454 (local.get $p))))))
            (then (return (i32.const 1))))))
      (local.set $p (i32.add (local.get $p) (i32.const 2)))
      (br_if $each (i32.lt_u (local.get $p) (local.get $stop))))
    (i32.const 0))

  ;; The escape scan of classify/escaped-lines.ts: the first offset from i (any offset, not
  ;; just a word's) of a byte 0x1b, 0x9b or 0xfd among the image's first `length` bytes; or
  ;; `length`. 16 bytes a step (three compares), where a Buffer.indexOf per byte value cost a
  ;; call into Node for every coloured line, three times.
  (func (export "escapeByte") (param $i i32) (param $length i32) (result i32)
    (local $v v128)
    (local $mask i32)
    (local $at i32)
    (block $done
      (loop $block
        (br_if $done (i32.ge_u (local.get $i) (local.get $length)))
        (local.set $v (v128.load (i32.add (i32.const 787456) (local.get $i))))
        (local.set $mask
          (i8x16.bitmask
            (v128.or
              (v128.or
                (i8x16.eq (local.get $v) (v128.const i8x16 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b))
                (i8x16.eq (local.get $v) (v128.const i8x16 0x9b 0x9b 0x9b 0x9b 0x9b 0x9b 0x9b 0x9b 0x9b 0x9b 0x9b 0x9b 0x9b 0x9b 0x9b 0x9b)))
              (i8x16.eq (local.get $v) (v128.const i8x16 0xfd 0xfd 0xfd 0xfd 0xfd 0xfd 0xfd 0xfd 0xfd 0xfd 0xfd 0xfd 0xfd 0xfd 0xfd 0xfd)))))
        (if (local.get $mask)
          (then
            (local.set $at (i32.add (local.get $i) (i32.ctz (local.get $mask))))
            (return (select (local.get $at) (local.get $length) (i32.lt_u (local.get $at) (local.get $length))))))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $block)))
    (local.get $length))

  ;; The skip verdicts of analyze/skip-run.ts: for each of `count` lines, whose ends (offsets just
  ;; past each '\n', as `lineEnds` writes them) are the i32s from image offset `ends`, one byte at
  ;; image offset `out` + line. Bit 2t + v is set when a skip shape must stop at the line: a
  ;; shape whose lines are timestamped (t = 1) or not (t = 0), with class table v. The tables come
  ;; as one action per first byte of a message, 16-bit, at 786432 (skip-actions.ts): bits 0-1 the
  ;; tables that stop at it, 2-3 those that stop if an 'a' follows, 4-5 those that stop if the
  ;; message holds '--- '. The image must still hold the text as written (before the group scan
  ;; folds it). One loop, no calls: a line costs a few loads, where a JavaScript loop over the
  ;; lines took ~10% of a 100 MB run's instructions.
  (func (export "skipStops") (param $count i32) (param $ends i32) (param $out i32)
    (local $dashes i32)
    (local $p i32)
    (local $k i32)
    (local $start i32)
    (local $end i32)
    (local $m i32)
    (local $t i32)
    (local $a i32)
    (local $r i32)
    (local $v i32)
    (local $i i32)
    (block $done
      (loop $line
        (br_if $done (i32.ge_u (local.get $k) (local.get $count)))
        (local.set $end
          (i32.sub
            (i32.load offset=787456 (i32.add (local.get $ends) (i32.shl (local.get $k) (i32.const 2))))
            (i32.const 1)))
        (local.set $v (i32.const 0))
        ;; t = 0: the message is the whole line; t = 1: it starts at 29, after the timestamp.
        (local.set $t (i32.const 0))
        (local.set $m (local.get $start))
        (loop $shape
          (if (i32.lt_u (local.get $m) (local.get $end))
            (then
              (local.set $a
                (i32.load16_u offset=786432 (i32.shl (i32.load8_u offset=787456 (local.get $m)) (i32.const 1))))
              (local.set $r (i32.and (local.get $a) (i32.const 3)))
              (if (i32.and (local.get $a) (i32.const 0x0c))
                (then
                  (if (i32.eq (i32.load8_u offset=787457 (local.get $m)) (i32.const 0x61))
                    (then
                      (local.set $r
                        (i32.or (local.get $r) (i32.and (i32.shr_u (local.get $a) (i32.const 2)) (i32.const 3))))))))
              (if (i32.and (local.get $a) (i32.const 0x30))
                (then
                  ;; 16 bytes a step: only where one is '-' is the word there compared (an indented
                  ;; line, one in 20 of a Ginkgo log, cost a load and compare per byte).
                  (local.set $i (local.get $m))
                  (block $none
                    (loop $at
                      (br_if $none (i32.gt_s (i32.add (local.get $i) (i32.const 4)) (local.get $end)))
                      (local.set $dashes
                        (i8x16.bitmask
                          (i8x16.eq
                            (v128.load offset=787456 (local.get $i))
                            (v128.const i8x16 0x2d 0x2d 0x2d 0x2d 0x2d 0x2d 0x2d 0x2d 0x2d 0x2d 0x2d 0x2d 0x2d 0x2d 0x2d 0x2d))))
                      (block $step
                        (loop $dash
                          (br_if $step (i32.eqz (local.get $dashes)))
                          (local.set $p (i32.add (local.get $i) (i32.ctz (local.get $dashes))))
                          ;; Dashes further on would run past the line too.
                          (br_if $none (i32.gt_s (i32.add (local.get $p) (i32.const 4)) (local.get $end)))
                          ;; '-', '-', '-', ' ' read as a little-endian word.
                          (if (i32.eq (i32.load offset=787456 (local.get $p)) (i32.const 0x202d2d2d))
                            (then
                              (local.set $r
                                (i32.or (local.get $r) (i32.and (i32.shr_u (local.get $a) (i32.const 4)) (i32.const 3))))
                              (br $none)))
                          (local.set $dashes (i32.and (local.get $dashes) (i32.sub (local.get $dashes) (i32.const 1))))
                          (br $dash)))
                      (local.set $i (i32.add (local.get $i) (i32.const 16)))
                      (br $at)))))
              (local.set $v (i32.or (local.get $v) (i32.shl (local.get $r) (i32.shl (local.get $t) (i32.const 1)))))))
          (if (i32.eqz (local.get $t))
            (then
              (local.set $t (i32.const 1))
              ;; A timestamped shape judges only a line with a digit first and '.', 'Z', ' ' at 19,
              ;; 27 and 28; any other line stops both of its tables.
              (if (i32.and
                    (i32.and
                      (i32.ge_s (i32.sub (local.get $end) (local.get $start)) (i32.const 29))
                      (i32.lt_u
                        (i32.sub (i32.load8_u offset=787456 (local.get $start)) (i32.const 0x30))
                        (i32.const 10)))
                    (i32.and
                      (i32.eq (i32.load8_u offset=787475 (local.get $start)) (i32.const 0x2e))
                      (i32.and
                        (i32.eq (i32.load8_u offset=787483 (local.get $start)) (i32.const 0x5a))
                        (i32.eq (i32.load8_u offset=787484 (local.get $start)) (i32.const 0x20)))))
                (then
                  (local.set $m (i32.add (local.get $start) (i32.const 29)))
                  (br $shape)))
              (local.set $v (i32.or (local.get $v) (i32.const 0x0c))))))
        (i32.store8 offset=787456 (i32.add (local.get $out) (local.get $k)) (local.get $v))
        (local.set $start (i32.add (local.get $end) (i32.const 1)))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $line))))

  ;; The byte test of analyze/quiet-line.ts: whether line [i, end) of the image (the byte at `end`
  ;; is its '\n') is quiet: its bytes >= 0x80 come as E2 80 xx, xx 0x90-0xA7 but 0x9B, and each
  ;; 0x1B opens a CSI sequence (ESC '[', bytes 0x30-0x3F, bytes 0x20-0x2F, a final 0x40-0x7E)
  ;; whose ESC follows no word byte [A-Za-z0-9_-] of the line. Returns the offset of the line's
  ;; first 0x1B or byte >= 0x80 (`end` when none), or -1 when the line is not quiet. 16 bytes a step
  ;; where none is >= 0x80 or 0x1B: the JavaScript loop took ~45 instructions a byte.
  (func (export "quietLine") (param $i i32) (param $end i32) (result i32)
    (local $start i32)
    (local $first i32)
    (local $v v128)
    (local $mask i32)
    (local $c i32)
    (local.set $start (local.get $i))
    (local.set $first (local.get $end))
    (block $done
      (loop $step
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (local.set $v (v128.load offset=787456 (local.get $i)))
        ;; A lane's sign bit: a byte >= 0x80, or 0x1B (the compare sets all its bits).
        (local.set $mask
          (i8x16.bitmask
            (v128.or
              (local.get $v)
              (i8x16.eq (local.get $v) (v128.const i8x16 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b 0x1b)))))
        (if (i32.eqz (local.get $mask))
          (then
            (local.set $i (i32.add (local.get $i) (i32.const 16)))
            (br $step)))
        (local.set $i (i32.add (local.get $i) (i32.ctz (local.get $mask))))
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (if (i32.eq (local.get $first) (local.get $end)) (then (local.set $first (local.get $i))))
        (local.set $c (i32.load8_u offset=787456 (local.get $i)))
        (if (i32.eq (local.get $c) (i32.const 0x1b))
          (then
            (if (i32.gt_u (local.get $i) (local.get $start))
              (then
                (local.set $c (i32.load8_u offset=787455 (local.get $i)))
                (if (i32.or
                      (i32.or
                        (i32.lt_u (i32.sub (i32.or (local.get $c) (i32.const 0x20)) (i32.const 0x61)) (i32.const 26))
                        (i32.lt_u (i32.sub (local.get $c) (i32.const 0x30)) (i32.const 10)))
                      (i32.or (i32.eq (local.get $c) (i32.const 0x5f)) (i32.eq (local.get $c) (i32.const 0x2d))))
                  (then (return (i32.const -1))))))
            (if (i32.ne (i32.load8_u offset=787457 (local.get $i)) (i32.const 0x5b)) (then (return (i32.const -1))))
            (local.set $i (i32.add (local.get $i) (i32.const 2)))
            ;; The '\n' at `end` is in none of the three ranges: a sequence never runs past it.
            (block $params
              (loop $param
                (br_if $params
                  (i32.ge_u (i32.sub (i32.load8_u offset=787456 (local.get $i)) (i32.const 0x30)) (i32.const 16)))
                (local.set $i (i32.add (local.get $i) (i32.const 1)))
                (br $param)))
            (block $inters
              (loop $inter
                (br_if $inters
                  (i32.ge_u (i32.sub (i32.load8_u offset=787456 (local.get $i)) (i32.const 0x20)) (i32.const 16)))
                (local.set $i (i32.add (local.get $i) (i32.const 1)))
                (br $inter)))
            (if (i32.ge_u (i32.sub (i32.load8_u offset=787456 (local.get $i)) (i32.const 0x40)) (i32.const 63))
              (then (return (i32.const -1))))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $step)))
        (if (i32.or
              (i32.ne (local.get $c) (i32.const 0xe2))
              (i32.ne (i32.load8_u offset=787457 (local.get $i)) (i32.const 0x80)))
          (then (return (i32.const -1))))
        (local.set $c (i32.load8_u offset=787458 (local.get $i)))
        (if (i32.or
              (i32.ge_u (i32.sub (local.get $c) (i32.const 0x90)) (i32.const 24))
              (i32.eq (local.get $c) (i32.const 0x9b)))
          (then (return (i32.const -1))))
        (local.set $i (i32.add (local.get $i) (i32.const 3)))
        (br $step)))
    (local.get $first))
)
