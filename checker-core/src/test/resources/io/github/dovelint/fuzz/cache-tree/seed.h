#define LOCKED() helper()
