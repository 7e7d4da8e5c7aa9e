namespace KongIdentityOperator.Sandbox.KubeApi.Protobuf;

/// <summary>A minimal protobuf wire-format reader: varints and length-delimited fields; other wire types are skipped.</summary>
internal ref struct ProtoReader(ReadOnlySpan<byte> data)
{
    private readonly ReadOnlySpan<byte> _data = data;
    private int _position;

    public readonly bool End => _position >= _data.Length;

    /// <summary>Reads the next field's number and wire type.</summary>
    public (int Field, int WireType) ReadTag()
    {
        var tag = ReadVarint();
        return ((int)(tag >> 3), (int)(tag & 7));
    }

    public ulong ReadVarint()
    {
        ulong result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = _data[_position++];
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return result;
            }
        }

        throw new FormatException("malformed protobuf varint");
    }

    public ReadOnlySpan<byte> ReadBytes()
    {
        var length = checked((int)ReadVarint());
        var bytes = _data.Slice(_position, length);
        _position += length;
        return bytes;
    }

    public string ReadString() => System.Text.Encoding.UTF8.GetString(ReadBytes());

    public void Skip(int wireType)
    {
        switch (wireType)
        {
            case 0:
                ReadVarint();
                break;
            case 1:
                _position += 8;
                break;
            case 2:
                ReadBytes();
                break;
            case 5:
                _position += 4;
                break;
            default:
                throw new FormatException($"unsupported protobuf wire type {wireType}");
        }
    }
}
