/* Calls whose targets are not known exactly do not make their caller sleep. */
struct sleepy_ops {
	void (*run)(void);
};

static void sleeper_op(void)
{
	msleep(10);
}

static struct sleepy_ops my_ops = {
	.run = sleeper_op,
};

void call_through_ops(struct sleepy_ops *o)
{
	o->run();
}

void call_through_param(void (*fn)(void))
{
	fn();
}

void call_through_local(void)
{
	void (*fn)(void) = sleeper_op;

	fn();
}

void dup_helper(void)
{
}

void calls_dup(void)
{
	dup_helper();
}

void alt_sleeper(void)
{
	mutex_lock(&big_lock);
}

void calls_alt(void)
{
	alt_sleeper();
}

void calls_memset(char *p)
{
	memset(p, 0, 4);
}
