#include "seed.h"
void seed(void) { files_fdtable(f); LOCKED(); }
void helper(void) { rcu_read_lock(); kmalloc(8, GFP_KERNEL); } /* dovelint-ignore DL101: seed */
