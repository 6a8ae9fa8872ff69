/* A separate user-space program: never analysed. */
void tool_sleeper(void)
{
	msleep(1);
}
