/*
 * README: accounting helpers of the oob-null-checks sample.
 * evl_file_account() dereferences its argument unconditionally, so a hook
 * must not pass it an untested oob pointer; evl_file_account_checked()
 * tests it first and may be given anything.
 */
#include "evl.h"

void evl_file_account(struct evl_file *efile)
{
	efile->refs++;
}

void evl_file_account_checked(struct evl_file *efile)
{
	if (!efile)
		return;

	evl_file_account(efile);
}
