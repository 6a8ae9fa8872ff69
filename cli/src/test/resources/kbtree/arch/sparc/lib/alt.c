/* An architecture Dovetail has no port for: left out, or its quiet alt_sleeper would hide the others'. */
void alt_sleeper(void)
{
}
