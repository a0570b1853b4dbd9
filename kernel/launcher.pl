# glasspy's kernel launcher (Linux): Jupyter's kernelspec runs it as
#
#   perl launcher.pl DENO run ... mod.ts kernel --connection-file FILE
#
# It opens listening TCP sockets on the connection file's ports, then becomes the kernel
# (exec) with `--listening shell_port=3,iopub_port=4,...` added: the kernel's zeromq sockets
# take those descriptors over (ZMQ_USE_FD). A front end connects a few milliseconds after it
# starts the kernel, long before Deno can listen; a refused connection is tried again by
# ZeroMQ only 100-200 ms later, while one that finds a socket listening waits in its backlog
# and is answered as soon as the kernel is up. Perl starts in a millisecond or two; only its
# built-in functions are used here (no module is loaded).
#
# Whatever goes wrong (no connection file, a port taken, another transport), the kernel is
# started as it was asked to be, without the option: it then listens on its own.

# descriptors made from here on stay open across exec (Perl marks those above $^F close-on-exec)
$^F = 1023;

my @kernel = @ARGV;
die "usage: perl launcher.pl KERNEL_COMMAND...\n" unless @kernel;
my @sockets;
my $listening = eval { listen_on_ports(@kernel) };
push @kernel, '--listening', $listening if $listening;
exec { $kernel[0] } @kernel;
die "glasspy launcher: cannot run $kernel[0]: $!\n";

# "NAME=FD,..." for the ports of the connection file named after --connection-file (or -f)
sub listen_on_ports {
    my @args = @_;
    my $file;
    for my $i (0 .. $#args - 1) {
        $file = $args[$i + 1] if $args[$i] eq '--connection-file' || $args[$i] eq '-f';
    }
    return '' unless defined $file;
    open(my $in, '<', $file) or return '';
    my $text = do { local $/; <$in> };
    close $in;
    return '' unless $text =~ /"transport"\s*:\s*"tcp"/;
    my ($ip) = $text =~ /"ip"\s*:\s*"(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})"/ or return '';
    my @address = split /\./, $ip;
    return '' if grep { $_ > 255 } @address;
    my @opened;
    for my $name (qw(shell_port control_port stdin_port iopub_port hb_port)) {
        my ($port) = $text =~ /"$name"\s*:\s*(\d+)/;
        next unless $port && $port < 65536;
        # AF_INET = 2, SOCK_STREAM = 1; SOL_SOCKET = 1, SO_REUSEADDR = 2 (Linux)
        socket(my $socket, 2, 1, 0) or next;
        setsockopt($socket, 1, 2, pack('i', 1)) or next;
        # struct sockaddr_in: family (host order), port (network order), address, padding
        bind($socket, pack('S n C4 x8', 2, $port, @address)) or next;
        listen($socket, 128) or next;
        push @sockets, $socket;
        push @opened, "$name=" . fileno($socket);
    }
    return join ',', @opened;
}
