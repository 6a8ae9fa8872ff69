/* Built only in some configurations: a derivation with --kconfig sees what that .config builds. */
#ifdef CONFIG_KB_FEATURE
void configured_sleeper(void)
{
	msleep(1);
}
#endif

#if defined(CONFIG_KB_DRIVER_MODULE)
void module_sleeper(void)
{
	msleep(1);
}
#endif
