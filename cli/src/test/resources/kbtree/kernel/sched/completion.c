struct completion;

void wait_for_completion(struct completion *x)
{
	might_sleep();
}
