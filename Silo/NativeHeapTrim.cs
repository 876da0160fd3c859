using System.Runtime.InteropServices;

namespace OpenC3.Silo;

/// <summary>
/// Gives the C library's free heap pages back to the operating system. glibc returns only the top of its heap on
/// free; what the runtime's start-up (the JIT, type loading, OpenSSL, SQLite) freed in the middle stays resident,
/// about 9 MB of an idle product, until `malloc_trim` releases it.
/// </summary>
internal static class NativeHeapTrim
{
    [DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);

    /// <summary>Does nothing where there is no glibc (other C libraries, other systems).</summary>
    public static void Release()
    {
        if (!OperatingSystem.IsLinux()) return;
        try
        {
            MallocTrim(0);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
        }
    }
}
