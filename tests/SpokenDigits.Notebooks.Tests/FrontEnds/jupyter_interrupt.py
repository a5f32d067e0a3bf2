"""Interrupts a running cell the way JupyterLab's and VS Code's stop buttons do (jupyter_client's
KernelManager.interrupt_kernel, which honours the kernelspec's interrupt_mode: a SIGINT to the kernel
process, or an interrupt_request on the control channel), then asks for a variable defined before.

usage: jupyter_interrupt.py KERNEL_NAME "CELL" SECONDS_BEFORE_INTERRUPT
Prints one JSON object: what happened to the interrupted cell, to the kernel process and to the next cell."""
import json, queue, signal, sys, time
from jupyter_client.manager import KernelManager

name, cell, wait = sys.argv[1], sys.argv[2], float(sys.argv[3])
# A kernel started from a background job (CI, nohup, `cmd &`) inherits SIGINT ignored and never sees the
# interrupt; one started from JupyterLab or VS Code gets the default. Measure the latter.
signal.signal(signal.SIGINT, signal.SIG_DFL)
km = KernelManager(kernel_name=name)
km.start_kernel()
kc = km.client()
kc.start_channels()
kc.wait_for_ready(timeout=120)


def reply_to(msg_id, timeout):
    """(status, error name and value, seconds) of the execute_reply to msg_id; status 'kernel died' or 'no reply' otherwise."""
    start = time.time()
    while time.time() - start < timeout:
        try:
            m = kc.get_shell_msg(timeout=0.5)
        except queue.Empty:
            if not km.is_alive():
                return "kernel died", None, round(time.time() - start, 1)
            continue
        if m["parent_header"].get("msg_id") == msg_id:
            error = m["content"].get("ename") and f'{m["content"].get("ename")}: {m["content"].get("evalue")}'
            return m["content"].get("status"), error, round(time.time() - start, 1)
    return "no reply", None, round(time.time() - start, 1)


result = {"kernel": name, "interrupt_mode": km.kernel_spec.interrupt_mode}
result["setup"] = reply_to(kc.execute("var keep = 41;"), 120)[0]
running = kc.execute(cell)
time.sleep(wait)
km.interrupt_kernel()
result["interrupted_cell"], result["interrupted_error"], result["seconds_to_end"] = reply_to(running, 60)
result["alive_after"] = km.is_alive()
if result["alive_after"]:
    # jupyter_client does not wait for interrupt_reply; a person runs the next cell later than this
    time.sleep(1)
    msg_id = kc.execute("keep + 1")
    status, error, _ = reply_to(msg_id, 60)
    result["next_cell"], result["next_error"] = status, error
else:
    result["next_cell"], result["next_error"] = "kernel not alive", None
print(json.dumps(result), flush=True)
try:
    kc.stop_channels()
    km.shutdown_kernel(now=True)
except Exception:
    pass
