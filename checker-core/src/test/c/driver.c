/*
 * Conformance driver: links a companion core's fd index (the file named by
 * CORE_SOURCE, included here so its static index is visible) against the
 * user-space kernel shim, reads hook calls on stdin and prints the index after
 * each one. Protocol, one command a line:
 *
 *   install|replace|uninstall FD FILES FILE OOB   -> the index, then "end"
 *   reset                                         -> empties the index, "end"
 *
 * The index is printed as "entry FILES FD FILE" lines, in hash order (the
 * Java side sorts). Tables and files are created on first sight; their
 * addresses are never reused, as the spec's ids are not.
 */
#include <stdio.h>
#include <string.h>
#include CORE_SOURCE

#define MAX_IDS 65536

static struct file *files_by_id[MAX_IDS];
static struct files_struct *tables_by_id[MAX_IDS];

static struct file *file_of(unsigned long id, int oob)
{
	static char oob_state[1];	/* what a driver would hang on the file */

	if (!files_by_id[id]) {
		files_by_id[id] = calloc(1, sizeof(struct file));
		files_by_id[id]->shim_id = id;
	}
	files_by_id[id]->oob_data = oob ? oob_state : NULL;
	return files_by_id[id];
}

static struct files_struct *table_of(unsigned long id)
{
	if (!tables_by_id[id]) {
		tables_by_id[id] = calloc(1, sizeof(struct files_struct));
		tables_by_id[id]->shim_id = id;
	}
	return tables_by_id[id];
}

static void dump(int drop)
{
	struct evl_fd *efd;
	struct hlist_node *tmp;
	unsigned int bkt;

	hash_for_each_safe(fd_index, bkt, tmp, efd, hash) {
		if (drop) {
			hash_del(&efd->hash);
			kfree(efd);
		} else {
			printf("entry %lu %u %lu\n", efd->files->shim_id, efd->fd, efd->filp->shim_id);
		}
	}
	printf("end\n");
	fflush(stdout);
}

int main(void)
{
	char line[256], hook[32];
	unsigned long fd, files, file;
	int oob;

	while (fgets(line, sizeof(line), stdin)) {
		if (strncmp(line, "reset", 5) == 0) {
			dump(1);
			continue;
		}
		if (sscanf(line, "%31s %lu %lu %lu %d", hook, &fd, &files, &file, &oob) != 5
		    || files >= MAX_IDS || file >= MAX_IDS) {
			printf("error bad command: %s", line);
			fflush(stdout);
			return 2;
		}
		if (strcmp(hook, "install") == 0)
			install_inband_fd(fd, file_of(file, oob), table_of(files));
		else if (strcmp(hook, "replace") == 0)
			replace_inband_fd(fd, file_of(file, oob), table_of(files));
		else if (strcmp(hook, "uninstall") == 0)
			uninstall_inband_fd(fd, file_of(file, oob), table_of(files));
		else {
			printf("error unknown hook %s\n", hook);
			fflush(stdout);
			return 2;
		}
		dump(0);
	}
	return 0;
}
