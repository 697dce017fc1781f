//! Search: the query language, the index built once per vault load, and
//! the matchers (fuzzy, substring, 초성, 2-set keyboard layout). No I/O.
