/* Alternatives: each name here has a second global definition in drivers/ops.c, and a build links one. */
void dup_helper(void)
{
	msleep(1);
}

void alt_sleeper(void)
{
	msleep(1);
}
