/*
 * README: a driver that has nothing to do with fd tables, hooks or oob
 * files: out of the rules' reach, never parsed.
 */
#include <linux/module.h>

static int counter;

static int unrelated_init(void)
{
	counter = 1;
	return 0;
}
module_init(unrelated_init);
