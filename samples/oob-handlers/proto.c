/*
 * README: a core's own oob operations (DL401). The sockets of a core's
 * network stack hand their oob reads and writes to the protocol's
 * .oob_send and .oob_receive (EVL's struct evl_net_proto), from the oob
 * ioctl of the socket's file: those run on the out-of-band stage too. An
 * in-band operation of the same protocol (.bind) may sleep; a member of
 * the same name in another struct is not an oob handler.
 */
#include <linux/net.h>
#include <linux/slab.h>
#include <linux/mutex.h>

struct evl_socket;

struct evl_net_proto {
	int (*bind)(struct evl_socket *esk, struct sockaddr *addr, int len);
	ssize_t (*oob_send)(struct evl_socket *esk, const void __user *buf, size_t len);
	ssize_t (*oob_receive)(struct evl_socket *esk, void __user *buf, size_t len);
};

struct tap_ops {
	ssize_t (*oob_send)(void *tap, size_t len);
};

struct slot {
	int port;
};

static DEFINE_MUTEX(slot_lock);

/* In-band only: allocates and takes a mutex. */
static int add_slot(struct evl_socket *esk)
{
	struct slot *s = kzalloc(sizeof(*s), GFP_KERNEL);	/* expect: DL401 "reachable from the oob handler demo_receive()" */

	if (!s)
		return -ENOMEM;
	mutex_lock(&slot_lock);	/* expect: DL401 "reachable from the oob handler demo_receive()" */
	s->port = 0;
	mutex_unlock(&slot_lock);
	return 0;
}

/* Right: binding runs in-band. */
static int demo_bind(struct evl_socket *esk, struct sockaddr *addr, int len)
{
	return add_slot(esk);
}

/* Right: sends from a preallocated buffer. */
static ssize_t demo_send(struct evl_socket *esk, const void __user *buf, size_t len)
{
	return len;
}

/* Wrong: binds an unbound socket on the oob stage. */
static ssize_t demo_receive(struct evl_socket *esk, void __user *buf, size_t len)
{
	int ret = add_slot(esk);

	return ret ? ret : 0;
}

/* Not an oob handler: another struct's member of the same name. */
static ssize_t tap_send(void *tap, size_t len)
{
	msleep(1);
	return len;
}

struct evl_net_proto demo_proto = {
	.bind		= demo_bind,
	.oob_send	= demo_send,
	.oob_receive	= demo_receive,
};

static const struct tap_ops demo_tap = {
	.oob_send	= tap_send,
};
