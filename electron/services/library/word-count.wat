;; The word count's inner loop, sixteen bytes per step (word-count-simd.ts has why).
;; Compiled by `npm run build:wasm` (wabt's wat2wasm) into word-count-wasm.ts.
(module
  (func $count (param $at i32) (param $steps i32) (param $before i32) (result i32)
    ;; Words in the 16 * steps bytes at $at, and one more for each kana or CJK lead byte,
    ;; as word-count.ts counts them. $before is -1 when the byte before $at is a word byte
    ;; (a word that started there is not counted again), else 0. Reads one byte past the
    ;; end (the lead byte rule looks at the next byte).
    (local $count i32)
    (local $previous v128) (local $bytes v128) (local $word v128) (local $lead v128)
    (local.set $previous (i8x16.splat (local.get $before)))
    (block $done
      (br_if $done (i32.eqz (local.get $steps)))
      (loop $step
        (local.set $bytes (v128.load align=1 (local.get $at)))
        ;; word = bytes >= 0x80 | bytes - '0' < 10 | (bytes | 0x20) - 'a' < 26
        (i8x16.lt_s (local.get $bytes) (v128.const i8x16 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0))
        (i8x16.lt_u
          (i8x16.sub (local.get $bytes) (v128.const i8x16 0x30 0x30 0x30 0x30 0x30 0x30 0x30 0x30 0x30 0x30 0x30 0x30 0x30 0x30 0x30 0x30))
          (v128.const i8x16 10 10 10 10 10 10 10 10 10 10 10 10 10 10 10 10))
        (v128.or)
        (i8x16.lt_u
          (i8x16.sub
            (v128.or (local.get $bytes) (v128.const i8x16 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20))
            (v128.const i8x16 0x61 0x61 0x61 0x61 0x61 0x61 0x61 0x61 0x61 0x61 0x61 0x61 0x61 0x61 0x61 0x61))
          (v128.const i8x16 26 26 26 26 26 26 26 26 26 26 26 26 26 26 26 26))
        (v128.or)
        (local.tee $word)
        ;; word starts: word & ~(the same lanes one byte back)
        (i8x16.shuffle 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30
          (local.get $previous) (local.get $word))
        (v128.andnot)
        (local.set $count (i32.add (i32.popcnt (i8x16.bitmask)) (local.get $count)))
        (local.set $previous (local.get $word))
        ;; lead = bytes - 0xe3 < 7 (E3..E9), except E3 followed by less than 0x81
        (i8x16.lt_u
          (i8x16.sub (local.get $bytes) (v128.const i8x16 0xe3 0xe3 0xe3 0xe3 0xe3 0xe3 0xe3 0xe3 0xe3 0xe3 0xe3 0xe3 0xe3 0xe3 0xe3 0xe3))
          (v128.const i8x16 7 7 7 7 7 7 7 7 7 7 7 7 7 7 7 7))
        (local.tee $lead)
        (if (v128.any_true)
          (then
            (v128.andnot
              (local.get $lead)
              (v128.and
                (i8x16.eq (local.get $bytes) (v128.const i8x16 0xe3 0xe3 0xe3 0xe3 0xe3 0xe3 0xe3 0xe3 0xe3 0xe3 0xe3 0xe3 0xe3 0xe3 0xe3 0xe3))
                (i8x16.lt_u
                  (v128.load offset=1 align=1 (local.get $at))
                  (v128.const i8x16 0x81 0x81 0x81 0x81 0x81 0x81 0x81 0x81 0x81 0x81 0x81 0x81 0x81 0x81 0x81 0x81))))
            (local.set $count (i32.add (i32.popcnt (i8x16.bitmask)) (local.get $count)))))
        (local.set $at (i32.add (local.get $at) (i32.const 16)))
        (br_if $step (local.tee $steps (i32.sub (local.get $steps) (i32.const 1))))))
    (local.get $count))
  (memory 2)
  (export "count" (func $count))
  (export "memory" (memory 0)))
