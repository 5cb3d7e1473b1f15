;; The word count's inner loop, sixteen bytes per step (word-count-simd.ts has why).
;; Compiled by `npm run build:wasm` (wabt's wat2wasm) into word-count-wasm.ts.
;; Written out in full, without helper functions: Node's V8 does not inline them, and the
;; calls made the loop twice as slow.
(module
  (func $count (param $at i32) (param $steps i32) (param $before i32) (param $out i32) (param $cap i32)
    (result i32)
    ;; Words in the 16 * steps bytes at $at, and one more for each kana or CJK lead byte,
    ;; as word-count.ts counts them. $before is -1 when the byte before $at is a word byte
    ;; (a word that started there is not counted again), else 0. Reads one byte past the
    ;; end (the lead byte rule and the joiners look at the next byte).
    ;;
    ;; Also finds what word-count.ts's rule correction needs (see ruleCorrection there),
    ;; so it does not search the bytes again: at $out + 4, the ASCII joiners (' - _) between
    ;; two ASCII letters or digits, which the rule joins into one word; at $out, how many
    ;; "marks" follow at $out + 8 (each the memory offset of a byte): every other joiner
    ;; next to a non-ASCII byte or another joiner, and every lead byte of a character the
    ;; two counts may disagree on (C2, E2..E9). More than $cap marks: -1, and none kept.
    ;; The byte before $at is outside the range: plain, and no letter or digit.
    (local $count i32) (local $joinable i32) (local $marks i32) (local $mask i32)
    (local $previous v128) (local $bytes v128) (local $next v128) (local $word v128)
    (local $lead v128) (local $high v128) (local $joiner v128) (local $ascii v128)
    (local $plain v128) (local $lastAscii v128) (local $lastPlain v128) (local $found v128)
    (local.set $previous (i8x16.splat (local.get $before)))
    (local.set $lastPlain (v128.const i32x4 -1 -1 -1 -1))
    (block $done
      (br_if $done (i32.eqz (local.get $steps)))
      (loop $step
        (local.set $bytes (v128.load align=1 (local.get $at)))
        (local.set $high (i8x16.lt_s (local.get $bytes) (v128.const i32x4 0 0 0 0)))
        ;; ASCII letters and digits: bytes - '0' < 10 | (bytes | 0x20) - 'a' < 26
        (local.set $ascii
          (v128.or
            (i8x16.lt_u (i8x16.sub (local.get $bytes) (v128.const i32x4 0x30303030 0x30303030 0x30303030 0x30303030)) (v128.const i32x4 0x0a0a0a0a 0x0a0a0a0a 0x0a0a0a0a 0x0a0a0a0a))
            (i8x16.lt_u
              (i8x16.sub (v128.or (local.get $bytes) (v128.const i32x4 0x20202020 0x20202020 0x20202020 0x20202020)) (v128.const i32x4 0x61616161 0x61616161 0x61616161 0x61616161))
              (v128.const i32x4 0x1a1a1a1a 0x1a1a1a1a 0x1a1a1a1a 0x1a1a1a1a))))
        ;; word starts: word & ~(the same lanes one byte back)
        (local.set $word (v128.or (local.get $high) (local.get $ascii)))
        (v128.andnot (local.get $word) (i8x16.shuffle 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 (local.get $previous) (local.get $word)))
        (local.set $count (i32.add (i32.popcnt (i8x16.bitmask)) (local.get $count)))
        (local.set $previous (local.get $word))
        (local.set $joiner
          (v128.or
            (v128.or (i8x16.eq (local.get $bytes) (v128.const i32x4 0x27272727 0x27272727 0x27272727 0x27272727)) (i8x16.eq (local.get $bytes) (v128.const i32x4 0x2d2d2d2d 0x2d2d2d2d 0x2d2d2d2d 0x2d2d2d2d)))
            (i8x16.eq (local.get $bytes) (v128.const i32x4 0x5f5f5f5f 0x5f5f5f5f 0x5f5f5f5f 0x5f5f5f5f))))
        ;; plain: ASCII, and no joiner
        (local.set $plain (v128.not (v128.or (local.get $high) (local.get $joiner))))
        ;; Most steps are plain ASCII: nothing more to do.
        (if (v128.any_true (v128.or (local.get $high) (local.get $joiner)))
          (then
            (local.set $next (v128.load offset=1 align=1 (local.get $at)))
            ;; lead = bytes - 0xe3 < 7 (E3..E9), except E3 followed by less than 0x81
            (local.set $lead
              (i8x16.lt_u (i8x16.sub (local.get $bytes) (v128.const i32x4 0xe3e3e3e3 0xe3e3e3e3 0xe3e3e3e3 0xe3e3e3e3)) (v128.const i32x4 0x07070707 0x07070707 0x07070707 0x07070707)))
            (if (v128.any_true (local.get $lead))
              (then
                (v128.andnot
                  (local.get $lead)
                  (v128.and
                    (i8x16.eq (local.get $bytes) (v128.const i32x4 0xe3e3e3e3 0xe3e3e3e3 0xe3e3e3e3 0xe3e3e3e3))
                    (i8x16.lt_u (local.get $next) (v128.const i32x4 0x81818181 0x81818181 0x81818181 0x81818181))))
                (local.set $count (i32.add (i32.popcnt (i8x16.bitmask)) (local.get $count)))))
            ;; a joiner between two ASCII letters or digits
            (if (v128.any_true (local.get $joiner))
              (then
                (v128.and
                  (v128.and
                    (local.get $joiner)
                    (i8x16.shuffle 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 (local.get $lastAscii) (local.get $ascii)))
                  (v128.or
                    (i8x16.lt_u (i8x16.sub (local.get $next) (v128.const i32x4 0x30303030 0x30303030 0x30303030 0x30303030)) (v128.const i32x4 0x0a0a0a0a 0x0a0a0a0a 0x0a0a0a0a 0x0a0a0a0a))
                    (i8x16.lt_u
                      (i8x16.sub (v128.or (local.get $next) (v128.const i32x4 0x20202020 0x20202020 0x20202020 0x20202020)) (v128.const i32x4 0x61616161 0x61616161 0x61616161 0x61616161))
                      (v128.const i32x4 0x1a1a1a1a 0x1a1a1a1a 0x1a1a1a1a 0x1a1a1a1a))))
                (local.set $joinable
                  (i32.add (i32.popcnt (i8x16.bitmask)) (local.get $joinable)))))
            ;; marks: a joiner with a byte beside it that is not plain, or a special lead
            (local.set $found
              (v128.or
                (v128.andnot
                  (local.get $joiner)
                  (v128.andnot
                    (i8x16.shuffle 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 (local.get $lastPlain) (local.get $plain))
                    (v128.or
                      (i8x16.lt_s (local.get $next) (v128.const i32x4 0 0 0 0))
                      (v128.or
                        (v128.or (i8x16.eq (local.get $next) (v128.const i32x4 0x27272727 0x27272727 0x27272727 0x27272727)) (i8x16.eq (local.get $next) (v128.const i32x4 0x2d2d2d2d 0x2d2d2d2d 0x2d2d2d2d 0x2d2d2d2d)))
                        (i8x16.eq (local.get $next) (v128.const i32x4 0x5f5f5f5f 0x5f5f5f5f 0x5f5f5f5f 0x5f5f5f5f))))))
                (v128.or
                  (i8x16.eq (local.get $bytes) (v128.const i32x4 0xc2c2c2c2 0xc2c2c2c2 0xc2c2c2c2 0xc2c2c2c2))
                  (i8x16.lt_u (i8x16.sub (local.get $bytes) (v128.const i32x4 0xe2e2e2e2 0xe2e2e2e2 0xe2e2e2e2 0xe2e2e2e2)) (v128.const i32x4 0x08080808 0x08080808 0x08080808 0x08080808)))))
            (if (i32.and
                  (v128.any_true (local.get $found))
                  (i32.ge_s (local.get $marks) (i32.const 0)))
              (then
                (local.set $mask (i8x16.bitmask (local.get $found)))
                (block $kept
                  (loop $mark
                    (br_if $kept (i32.eqz (local.get $mask)))
                    (if (i32.ge_s (local.get $marks) (local.get $cap))
                      (then
                        (local.set $marks (i32.const -1))
                        (br $kept)))
                    (i32.store offset=8
                      (i32.add (local.get $out) (i32.shl (local.get $marks) (i32.const 2)))
                      (i32.add (local.get $at) (i32.ctz (local.get $mask))))
                    (local.set $marks (i32.add (local.get $marks) (i32.const 1)))
                    (local.set $mask
                      (i32.and (local.get $mask) (i32.sub (local.get $mask) (i32.const 1))))
                    (br $mark)))))))
        (local.set $lastAscii (local.get $ascii))
        (local.set $lastPlain (local.get $plain))
        (local.set $at (i32.add (local.get $at) (i32.const 16)))
        (br_if $step (local.tee $steps (i32.sub (local.get $steps) (i32.const 1))))))
    (i32.store (local.get $out) (local.get $marks))
    (i32.store offset=4 (local.get $out) (local.get $joinable))
    (local.get $count))
  (memory 2)
  (export "count" (func $count))
  (export "memory" (memory 0)))
