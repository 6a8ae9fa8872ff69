/* Sleep through several levels, the first one a static helper. */
struct mutex big_lock;

static void lock_helper(void)
{
	mutex_lock(&big_lock);
	mutex_unlock(&big_lock);
}

void level3(void)
{
	lock_helper();
}

void level2(void)
{
	level3();
}

int exported_sleeper(void)
{
	level2();
	return 0;
}

static void static_sleeper(void)
{
	msleep(1);
}

int pure(int x)
{
	return x + 1;
}

/* Mutual recursion that sleeps at its bottom, and one that never does. */
void rec_b(int n);

void rec_a(int n)
{
	if (n)
		rec_b(n - 1);
}

void rec_b(int n)
{
	if (n)
		rec_a(n - 1);
	else
		wait_for_completion(0);
}

void rec_quiet(int n)
{
	if (n)
		rec_quiet(n - 1);
}

/* A kernel.yml function defined in the tree: the curated entry wins, derivation disagrees. */
void kfree(const void *p)
{
	mutex_lock(&big_lock);
}

/* Two ways to sleep: the reason given is the shorter, though the longer comes first. */
void two_ways(void)
{
	exported_sleeper();
	msleep(1);
}
