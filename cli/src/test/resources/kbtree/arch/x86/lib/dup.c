/* One of two global definitions of dup_helper: calls by that name are ambiguous. */
void dup_helper(void)
{
	msleep(1);
}
