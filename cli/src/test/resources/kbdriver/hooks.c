/* A driver calling kernel functions whose bodies are not in the run. */
void install_inband_fd(unsigned int fd, struct file *file,
		       struct files_struct *files)
{
	if (!file->oob_data)
		return;
	exported_sleeper();
	alloc_atomic();
	pure(1);
}
