/* msleep() gives up the CPU: schedule() is the primitive kernel.yml describes. */
void msleep(unsigned int msecs)
{
	schedule();
}
