/*
 * README: another struct with an oob_data member, as Bluetooth's hci_dev has.
 * It mentions the name of struct file's oob pointer, so it is parsed first;
 * its facts show the member is not struct file's, so nothing starts here.
 */
struct oob_data;
struct hci_dev {
	struct oob_data *oob_data;
};

void hci_forget_oob(struct hci_dev *hdev)
{
	hdev->oob_data = 0;
}
