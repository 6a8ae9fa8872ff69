void caller(void) { seed(); }
